import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { useCalendar } from './working_days.js'

/*
| The one reader of the calendar tables (database/migrations/0007_…). The
| whole calendar is a few hundred rows, so each process reads every year
| once, at boot (providers/calendar_provider.ts), and again whenever the
| tables change; deadlines are then computed from memory, synchronously.
*/

let loadedRevision: string | null = null

/** Changes whenever a notice is added or removed: how many there are and when the last one came. */
const REVISION = `SELECT count(*) || '/' || coalesce(to_char(max(added_at), 'YYYY-MM-DD"T"HH24:MI:SS.US'), '') FROM calendar_notices`

async function revision(client: QueryClientContract): Promise<string> {
  const { rows } = await client.rawQuery(`SELECT (${REVISION}) AS revision`)
  return rows[0].revision
}

interface CalendarRow {
  revision: string
  year: number
  day: string | null
  kind: 'holiday' | 'workday' | null
  holiday_name: string | null
}

/** Reads every notice and installs it; returns the years now known. One statement, so one snapshot. */
export async function loadHolidayCalendar(
  client: QueryClientContract = db.connection()
): Promise<readonly number[]> {
  const { rows } = await client.rawQuery(`
    SELECT (${REVISION}) AS revision, year, NULL AS day, NULL AS kind, NULL AS holiday_name FROM calendar_notices
    UNION ALL
    SELECT (${REVISION}), year, to_char(day, 'YYYY-MM-DD'), kind, holiday_name FROM calendar_days
  `)
  const years: number[] = []
  const holidays: { on: string; name: string }[] = []
  const workdays: string[] = []
  for (const row of rows as CalendarRow[]) {
    if (row.day === null) years.push(Number(row.year))
    else if (row.kind === 'holiday') holidays.push({ on: row.day, name: row.holiday_name! })
    else workdays.push(row.day)
  }
  useCalendar({ years, holidays, workdays })
  loadedRevision = rows[0]?.revision ?? (await revision(client))
  return [...years].sort((x, y) => x - y)
}

/** A cheap check, run every minute by long-lived processes: reloads only when another process added a notice. */
export async function refreshHolidayCalendar(
  client: QueryClientContract = db.connection()
): Promise<boolean> {
  if (loadedRevision !== null && (await revision(client)) === loadedRevision) return false
  await loadHolidayCalendar(client)
  return true
}

/** PostgreSQL's "undefined_table": the migrations have not run yet (a fresh database). */
export function isMissingCalendarTable(error: unknown): boolean {
  return (error as { code?: string })?.code === '42P01'
}
