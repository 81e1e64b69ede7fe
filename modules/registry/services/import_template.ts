import ExcelJS from 'exceljs'
import { importColumns } from '../filing/import_columns.js'
import { isRequired } from '../filing/fields.js'

/**
 * The import template: a header row (required columns marked *), a hint
 * row explaining each column, and drop-down lists for the coded values.
 */
export async function buildImportTemplate(label: (key: string) => string): Promise<Buffer> {
  const columns = importColumns(label)
  const workbook = new ExcelJS.Workbook()
  workbook.creator = '全国校外教育培训监管与服务综合平台'
  const sheet = workbook.addWorksheet('机构信息')
  sheet.addRow(
    columns.map((c) =>
      isRequired(c.def.required, { delivery: 'offline', qualificationType: 'offline_licence' })
        ? `*${c.header}`
        : c.header
    )
  )
  sheet.addRow(
    columns.map((c) => {
      if (c.def.options)
        return `填写：${c.def.options.map((o) => label(`registry.options.${c.def.name}.${o}`)).join(' / ')}`
      switch (c.def.type) {
        case 'date':
          return '格式：2026-09-01'
        case 'county':
          return '6 位区县代码，如 220104'
        case 'credit_code':
          return '18 位统一社会信用代码'
        case 'checkboxes':
          return '多个用顿号分隔'
        default:
          return ''
      }
    })
  )
  sheet.getRow(1).font = { bold: true }
  sheet.getRow(2).font = { italic: true, color: { argb: 'FF6E7781' } }
  sheet.columns.forEach((column) => (column.width = 22))
  columns.forEach((c, i) => {
    if (c.def.type === 'select' && c.def.options) {
      const list = c.def.options.map((o) => label(`registry.options.${c.def.name}.${o}`))
      for (let r = 3; r <= 2000; r++) {
        sheet.getCell(r, i + 1).dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${list.join(',')}"`],
        }
      }
    }
  })
  sheet.views = [{ state: 'frozen', ySplit: 2 }]
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
