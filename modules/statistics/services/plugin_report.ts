import ExcelJS from 'exceljs'
import { textIn, type Report, type ReportColumn } from '#plugin_sdk'

/** A cell as the page shows it; fen as yuan, ratios as per cent. */
export function formatCell(column: ReportColumn, value: unknown, locale: string): string {
  if (value === null || value === undefined || value === '') return '—'
  const n = Number(value)
  switch (column.format) {
    case 'fen':
      return Number.isFinite(n)
        ? `¥${(n / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`
        : String(value)
    case 'percent':
      return Number.isFinite(n) ? `${(n * 100).toFixed(1)}%` : String(value)
    case 'number':
      return Number.isFinite(n) ? n.toLocaleString(locale) : String(value)
    case 'date':
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10)
    default:
      return String(value)
  }
}

/** The report's optional chart, in the shape resources/public/js/charts.js draws. */
export function chartOf(report: Report, rows: Record<string, unknown>[], locale: string) {
  if (!report.chart || !rows.length) return null
  const label = (key: string) =>
    textIn(report.columns.find((c) => c.key === key)?.label ?? key, locale)
  if (report.chart.type === 'pie') {
    const y = report.chart.y[0]
    return {
      type: 'pie',
      data: rows.map((r) => ({
        name: String(r[report.chart!.x] ?? ''),
        value: y === undefined ? 0 : Number(r[y]) || 0,
      })),
    }
  }
  return {
    type: report.chart.type,
    money: report.chart.y.every((k) => report.columns.find((c) => c.key === k)?.format === 'fen'),
    categories: rows.map((r) => String(r[report.chart!.x] ?? '')),
    series: report.chart.y.map((k) => ({
      name: label(k),
      data: rows.map((r) => Number(r[k]) || 0),
    })),
  }
}

/** The report as a workbook: the columns' labels, then the rows; fen in yuan with two decimals, exactly. */
export async function reportWorkbook(
  report: Report,
  rows: Record<string, unknown>[]
): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet(textIn(report.title, 'zh-CN').slice(0, 31))
  sheet.columns = report.columns.map((c) => ({
    header: textIn(c.label, 'zh-CN'),
    key: c.key,
    width: 16,
    style:
      c.format === 'fen'
        ? { numFmt: '#,##0.00' }
        : c.format === 'percent'
          ? { numFmt: '0.0%' }
          : {},
  }))
  sheet.getRow(1).font = { bold: true }
  for (const row of rows) {
    sheet.addRow(
      Object.fromEntries(
        report.columns.map((c) => {
          const v = row[c.key]
          if (v === null || v === undefined) return [c.key, null]
          if (c.format === 'fen') return [c.key, Number(BigInt(String(v))) / 100]
          if (c.format === 'number' || c.format === 'percent') return [c.key, Number(v)]
          return [c.key, v instanceof Date ? v.toISOString().slice(0, 10) : String(v)]
        })
      )
    )
  }
  return Buffer.from(await book.xlsx.writeBuffer())
}
