/*
| Turns one spreadsheet row into the values of the filing parts and checks
| them with the same rules as the wizard (documents excepted: institutions
| upload those themselves later).
*/
import vine, { errors as vineErrors } from '@vinejs/vine'
import type { MessagesProviderContact } from '@vinejs/vine/types'
import { FIELDS, type FieldDef, type FilingValues, type Section } from '../filing/fields.js'
import type { ImportColumn } from '../filing/import_columns.js'
import type { RowError } from '../models/import_batch.js'
import { sectionSchema } from './filing_schema.js'

const withoutDocuments = (defs: FieldDef[]): FieldDef[] =>
  defs
    .filter((d) => d.type !== 'document')
    .map((d) =>
      d.type === 'rows' ? { ...d, rows: d.rows!.filter((r) => r.type !== 'document') } : d
    )

function parseCell(def: FieldDef, text: string, label: (key: string) => string): unknown {
  if (text === '') return undefined
  if (def.type === 'select') {
    const byLabel = def.options?.find((o) => label(`registry.options.${def.name}.${o}`) === text)
    return byLabel ?? text
  }
  if (def.type === 'checkboxes') {
    return text
      .split(/[、,，;；\s]+/)
      .filter(Boolean)
      .map(
        (part) =>
          def.options?.find((o) => label(`registry.options.${def.name}.${o}`) === part) ?? part
      )
  }
  if (def.type === 'number') return Number(text)
  return text
}

export interface ParsedRow {
  sections: Partial<Record<Section, FilingValues>>
  creditCode: string
  regionCode: string
}

export async function parseImportRow(
  rowNumber: number,
  cells: Record<string, string>,
  columns: ImportColumn[],
  label: (key: string) => string,
  messages: MessagesProviderContact
): Promise<{ parsed: ParsedRow | null; errors: RowError[] }> {
  const raw: Partial<Record<Section, FilingValues>> = {}
  const headerOf = new Map<string, string>()
  for (const column of columns) {
    const value = parseCell(column.def, cells[column.header] ?? '', label)
    const section = (raw[column.section] ??= {})
    if (column.row) {
      const rows: FilingValues[] = (section[column.row.field] ??= [])
      const target = (rows[column.row.index] ??= {})
      if (column.row.field === 'serviceChannels') {
        if (value !== undefined)
          Object.assign(target, { kind: column.row.sub, value, location: '机构官网首页“联系我们”' })
      } else if (value !== undefined) target[column.row.sub] = value
      headerOf.set(
        `${column.row.field}.${column.row.index}.${column.row.field === 'serviceChannels' ? 'value' : column.row.sub}`,
        column.header
      )
    } else {
      if (value !== undefined) section[column.field] = value
      headerOf.set(column.field, column.header)
    }
  }
  for (const section of Object.values(raw)) {
    for (const key of ['venues', 'serviceChannels']) {
      if (Array.isArray(section?.[key]))
        section[key] = section[key].filter((r: FilingValues) => r && Object.keys(r).length)
    }
  }

  const all: FilingValues = Object.assign({}, ...Object.values(raw))
  const errors: RowError[] = []
  const sections: Partial<Record<Section, FilingValues>> = {}
  for (const section of Object.keys(raw) as Section[]) {
    try {
      sections[section] = await vine
        .create(sectionSchema(withoutDocuments(FIELDS[section]), all, []))
        .validate(raw[section]!, { messagesProvider: messages })
    } catch (error) {
      if (!(error instanceof vineErrors.E_VALIDATION_ERROR)) throw error
      for (const m of error.messages as { field: string; message: string }[]) {
        const header = headerOf.get(m.field) ?? headerOf.get(m.field.split('.')[0]!) ?? m.field
        errors.push({ row: rowNumber, field: header, message: m.message })
      }
    }
  }
  if (errors.length) return { parsed: null, errors }
  return {
    parsed: {
      sections,
      creditCode: sections.basic!.creditCode,
      regionCode: sections.basic!.regionCode,
    },
    errors,
  }
}
