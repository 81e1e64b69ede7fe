/*
| Reads the first sheet of an .xlsx (or a .csv) into rows of trimmed
| strings, keyed by the header row, so imports report "row 7, 身份证号".
| Called only by import jobs, never in a web request: parsing holds the
| whole workbook in memory, and the zip is checked first (zip_guard.ts).
*/
import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { assertSafeZip } from './zip_guard.js'

export interface SheetRow {
  /** Spreadsheet row number as people see it (the header is row 1). */
  row: number
  values: Record<string, string>
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) {
    const pad = (n: number) => String(n).padStart(2, '0')
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('text' in value) return String(value.text)
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
  }
  return String(value).trim()
}

export async function readSheet(
  bytes: Buffer,
  format: 'xlsx' | 'csv',
  headerRow = 1
): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook()
  if (format === 'csv')
    await workbook.csv.read(Readable.from(bytes.toString('utf8').replace(/^\uFEFF/, '')))
  else {
    assertSafeZip(bytes)
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) return []
  const headers: string[] = []
  sheet.getRow(headerRow).eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col] = cellText(cell.value).replace(/[*＊\s]/g, '')
  })
  const rows: SheetRow[] = []
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number <= headerRow) return
    const values: Record<string, string> = {}
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      if (headers[col]) values[headers[col]] = cellText(cell.value).trim()
    })
    if (Object.values(values).some((v) => v !== '')) rows.push({ row: number, values })
  })
  return rows
}
