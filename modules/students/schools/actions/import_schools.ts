import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { DomainError } from '#kernel/exceptions/domain_error'
import {
  type CurrentUser,
  type RequestMeta,
  lineageOf,
  recordAudit,
  regionTree,
} from '#modules/identity'
import { SpreadsheetRefused, readSheet } from '#modules/registry'
import School from '../models/school.js'
import {
  COLUMNS,
  type RowProblem,
  type SchoolRow,
  dataRows,
  fileProblems,
  parseSchoolRow,
} from '../services/school_sheet.js'
import { assertKeptRegion } from './store_school.js'

export type ImportOutcome =
  { stored: true; created: number; updated: number } | { stored: false; problems: RowProblem[] }

/* Rows per insert statement, all in the one transaction. */
const CHUNK = 500

/**
 * A county's register from its Excel file, all or nothing: a file with any
 * bad row stores nothing and lists every problem. A code the register
 * already holds for this county updates that school's name, stages and
 * address; a code registered elsewhere is a problem of its row.
 */
export class ImportSchools {
  async handle(
    actor: CurrentUser,
    input: { regionCode: string; bytes: Buffer },
    meta: RequestMeta
  ): Promise<ImportOutcome> {
    assertKeptRegion(actor, input.regionCode)
    let sheet
    try {
      sheet = dataRows(await readSheet(input.bytes, 'xlsx'))
    } catch (error) {
      if (!(error instanceof SpreadsheetRefused)) throw error
      return {
        stored: false,
        problems: [{ row: 0, column: '', key: error.messageKey, params: error.params }],
      }
    }
    const filewide = fileProblems(sheet)
    if (filewide.length) return { stored: false, problems: filewide }

    const problems: RowProblem[] = []
    const rows: SchoolRow[] = []
    const firstRowOf = new Map<string, number>()
    for (const line of sheet) {
      const { school, problems: own } = parseSchoolRow(line)
      problems.push(...own)
      if (!school) continue
      const first = firstRowOf.get(school.code)
      if (first)
        problems.push({
          row: school.row,
          column: COLUMNS.code,
          key: 'students_schools.import.duplicate',
          params: { row: first },
        })
      else firstRowOf.set(school.code, school.row)
      rows.push(school)
    }
    problems.push(...(await elsewhere(rows, input.regionCode)))
    if (problems.length) return { stored: false, problems: problems.sort((a, b) => a.row - b.row) }
    return { stored: true, ...(await store(actor, input.regionCode, rows, meta)) }
  }
}

/** Rows whose code the register holds for another region. */
async function elsewhere(rows: SchoolRow[], regionCode: string): Promise<RowProblem[]> {
  if (!rows.length) return []
  const byCode = new Map(rows.map((r) => [r.code, r.row]))
  const taken = await School.query()
    .whereIn('code', [...byCode.keys()])
    .whereNot('regionCode', regionCode)
    .select('code', 'regionCode')
  return taken.map((s) => ({
    row: byCode.get(s.code.trim())!,
    column: COLUMNS.code,
    key: 'students_schools.import.code_elsewhere',
    params: { region: regionTree.fullName(s.regionCode.trim()) },
  }))
}

async function store(actor: CurrentUser, regionCode: string, rows: SchoolRow[], meta: RequestMeta) {
  const lineage = lineageOf(regionCode)
  const now = DateTime.now().toSQL()
  return db.transaction(async (trx) => {
    const existing = await trx
      .from('schools')
      .whereIn(
        'code',
        rows.map((r) => r.code)
      )
      .count('* as n')
      .first()
    for (let start = 0; start < rows.length; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK)
      await trx
        .table('schools')
        .insert(
          chunk.map((r) => ({
            name: r.name,
            code: r.code,
            stages: r.stages,
            address: r.address,
            region_code: lineage.regionCode,
            province_code: lineage.provinceCode,
            city_code: lineage.cityCode,
            county_code: lineage.countyCode,
            created_at: now,
            updated_at: now,
          }))
        )
        .onConflict('code')
        .merge({
          name: trx.raw('excluded.name'),
          stages: trx.raw('excluded.stages'),
          address: trx.raw('coalesce(excluded.address, schools.address)'),
          updated_at: trx.raw('excluded.updated_at'),
        })
    }
    /* A code another region registered while the file was checked: nothing of the file is kept. */
    const raced = await trx
      .from('schools')
      .whereIn(
        'code',
        rows.map((r) => r.code)
      )
      .whereNot('region_code', lineage.regionCode)
      .first()
    if (raced) throw new DomainError('students_schools.import.changed')
    const updated = Number(existing?.n ?? 0)
    const created = rows.length - updated
    await recordAudit(
      {
        action: 'students.schools_imported',
        actor,
        subjectType: 'school_register',
        subjectId: regionCode,
        regionCode,
        summary: `${created} added, ${updated} updated`,
        details: { rows: rows.length },
        meta,
      },
      trx
    )
    return { created, updated }
  })
}
