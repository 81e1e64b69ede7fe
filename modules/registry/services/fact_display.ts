/*
| A key fact as one line of text for change-request lists: text facts as
| they are, categories by their labels, venues by their addresses.
*/
export function describeFact(key: string, value: unknown, t: (key: string) => string): string {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'string' || typeof value === 'number') {
    return key === 'escrowModel' ? t(`registry.options.escrowModel.${value}`) : String(value)
  }
  if (Array.isArray(value)) {
    if (!value.length) return '—'
    if (key === 'categories')
      return value.map((v) => t(`registry.options.categories.${v}`)).join('、')
    if (key === 'venues')
      return value
        .map((v: any) =>
          [v?.address, v?.areaSqm ? `${v.areaSqm}㎡` : null].filter(Boolean).join(' ')
        )
        .join('；')
    return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('、')
  }
  return JSON.stringify(value)
}
