/*
| Repeating rows (venues, service channels) are added and removed by
| posting the form with an intent, so the wizard works without JavaScript
| and nothing typed in the other rows is lost.
*/
const ROW_FIELDS = new Set(['venues', 'serviceChannels'])

export function addRow(fields: Record<string, any>, intent: string): Record<string, any> | null {
  const name = intent.slice('add:'.length)
  if (!ROW_FIELDS.has(name)) return null
  const rows = Array.isArray(fields[name]) ? fields[name] : []
  if (rows.length >= 20) return fields
  return { ...fields, [name]: [...rows, {}] }
}

export function removeRow(fields: Record<string, any>, intent: string): Record<string, any> | null {
  const [, name, index] = intent.split(':')
  if (name === undefined || !ROW_FIELDS.has(name)) return null
  const rows = Array.isArray(fields[name]) ? [...fields[name]] : []
  rows.splice(Number(index), 1)
  return { ...fields, [name]: rows }
}
