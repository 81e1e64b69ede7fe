/*
| The Excel template for batch import (2018 manual: 模板中的字段信息与新增
| 登记功能中的字段一致，必填项也保持一致): one column per importable field of
| the wizard, plus one venue and two service channels. Documents are
| uploaded later by the institution itself.
*/
import { FIELDS, type FieldDef, type Section } from './fields.js'

export interface ImportColumn {
  header: string
  section: Section
  field: string
  def: FieldDef
  /** Where a column fills a row field: venues[0].address, serviceChannels[1].value … */
  row?: { field: string; index: number; sub: string }
}

const SECTIONS_IMPORTED: Section[] = ['basic', 'qualifications', 'operations', 'conditions']

export function importColumns(label: (key: string) => string): ImportColumn[] {
  const columns: ImportColumn[] = []
  for (const section of SECTIONS_IMPORTED) {
    for (const def of FIELDS[section]) {
      if (def.importable)
        columns.push({
          header: label(`registry.fields.${def.name}`),
          section,
          field: def.name,
          def,
        })
    }
  }
  const venue = FIELDS.operations.find((f) => f.name === 'venues')!
  for (const sub of ['address', 'areaSqm', 'tenure', 'leaseEndsOn']) {
    const def = venue.rows!.find((r) => r.name === sub)!
    columns.push({
      header: `${label('registry.fields.venues')}-${label(`registry.fields.${sub}`)}`,
      section: 'operations',
      field: sub,
      def,
      row: { field: 'venues', index: 0, sub },
    })
  }
  for (const [index, kind] of [
    [0, 'phone'],
    [1, 'email'],
  ] as const) {
    columns.push({
      header: `${label('registry.fields.serviceChannels')}${index + 1}`,
      section: 'operations',
      field: 'value',
      def: { name: 'value', type: 'text', required: true },
      row: { field: 'serviceChannels', index, sub: kind },
    })
  }
  return columns
}
