/*
| The school register's Excel template and its rows. The columns are the
| county's own list (学校名称, 学校标识码, 学段, 地址); the file is read by
| the registry's guarded reader (`readSheet`), and each row is checked
| here, its problems named by row and column for the person to fix.
*/
import ExcelJS from 'exceljs'
import type { SheetRow } from '#modules/registry'
import type { Stage } from '#kernel/shared/school_grades'
import { parseStages } from './stage_words.js'
import { MAX_ADDRESS, MAX_NAME, SCHOOL_CODE } from '../validators/school.js'

export const COLUMNS = {
  name: '学校名称',
  code: '学校标识码',
  stages: '学段',
  address: '地址',
} as const
const REQUIRED: string[] = [COLUMNS.name, COLUMNS.code, COLUMNS.stages]
/* The template's second row explains each column; it is not data. */
const HINT = '填写：'

/** A county's register is hundreds of schools; a file of more is not one county's list. */
export const MAX_ROWS = 3000

export interface RowProblem {
  /** The spreadsheet row as people see it; 0 for the file as a whole. */
  row: number
  /** The column's header, or '' for the file. */
  column: string
  /** A students_schools lang key and its parameters. */
  key: string
  params?: Record<string, string | number>
}

export interface SchoolRow {
  row: number
  name: string
  code: string
  stages: Stage[]
  address: string | null
}

export async function buildSchoolTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = '全国校外教育培训监管与服务综合平台'
  const sheet = workbook.addWorksheet('学校名录')
  const headers = Object.values(COLUMNS)
  sheet.addRow(headers.map((h) => (REQUIRED.includes(h) ? `*${h}` : h)))
  sheet.addRow([
    `${HINT}学校全称，最多 ${MAX_NAME} 字`,
    `${HINT}10 位数字，全国唯一`,
    `${HINT}学前、小学、初中、高中，多个用分号分隔，如 小学;初中`,
    `${HINT}选填，最多 ${MAX_ADDRESS} 字`,
  ])
  sheet.getRow(1).font = { bold: true }
  sheet.getRow(2).font = { italic: true, color: { argb: 'FF6E7781' } }
  sheet.columns.forEach((column, i) => (column.width = [36, 16, 28, 40][i]))
  /* Codes stay text, so Excel keeps their leading digits as typed. */
  sheet.getColumn(2).numFmt = '@'
  sheet.views = [{ state: 'frozen', ySplit: 2 }]
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** The data rows: the hint row and rows left as the template's hints are dropped. */
export function dataRows(rows: SheetRow[]): SheetRow[] {
  return rows.filter((r) => !Object.values(r.values).some((v) => v.startsWith(HINT)))
}

/** File-level problems: no data, too many rows, a column of the template missing. */
export function fileProblems(rows: SheetRow[]): RowProblem[] {
  if (!rows.length) return [{ row: 0, column: '', key: 'students_schools.import.no_rows' }]
  const problems: RowProblem[] = []
  if (rows.length > MAX_ROWS)
    problems.push({
      row: 0,
      column: '',
      key: 'students_schools.import.too_many_rows',
      params: { count: rows.length, max: MAX_ROWS },
    })
  const missing = REQUIRED.filter((h) => !rows.some((r) => h in r.values))
  if (missing.length)
    problems.push({
      row: 0,
      column: '',
      key: 'students_schools.import.missing_columns',
      params: { columns: missing.join('、') },
    })
  return problems
}

/** One row checked on its own; duplicates and codes already registered are checked by the import. */
export function parseSchoolRow({ row, values }: SheetRow): {
  school: SchoolRow | null
  problems: RowProblem[]
} {
  const problems: RowProblem[] = []
  const problem = (column: string, key: string, params?: RowProblem['params']) =>
    problems.push({ row, column, key: `students_schools.import.${key}`, params })
  const name = (values[COLUMNS.name] ?? '').replace(/\s+/g, ' ').trim()
  const code = (values[COLUMNS.code] ?? '').replace(/\s/g, '')
  const stageCell = values[COLUMNS.stages] ?? ''
  const address = (values[COLUMNS.address] ?? '').trim()

  if (!name) problem(COLUMNS.name, 'required')
  else if (name.length < 2 || name.length > MAX_NAME)
    problem(COLUMNS.name, 'name_length', { max: MAX_NAME })
  if (!code) problem(COLUMNS.code, 'required')
  else if (!SCHOOL_CODE.test(code)) problem(COLUMNS.code, 'code_format', { value: code })
  const { stages, unknown } = parseStages(stageCell)
  if (!stageCell.trim()) problem(COLUMNS.stages, 'required')
  else if (unknown.length) problem(COLUMNS.stages, 'stage_unknown', { words: unknown.join('、') })
  else if (!stages.length) problem(COLUMNS.stages, 'required')
  if (address.length > MAX_ADDRESS) problem(COLUMNS.address, 'address_length', { max: MAX_ADDRESS })

  return {
    school: problems.length ? null : { row, name, code, stages, address: address || null },
    problems,
  }
}
