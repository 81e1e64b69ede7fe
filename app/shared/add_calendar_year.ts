import db from '@adonisjs/lucid/services/db'
import { type CalendarNotice, InvalidNotice, daysOff } from './calendar_notice.js'
import { loadHolidayCalendar } from './holiday_calendar.js'

interface TakenDay {
  day: string
  year: number
  kind: string
  holiday_name: string | null
}

function describe(taken: TakenDay): string {
  const what = taken.kind === 'holiday' ? `a day of ${taken.holiday_name}` : 'a make-up working day'
  return `${taken.day} is already ${what} in the ${taken.year} notice`
}

/**
 * Adds one year's notice, all of it or nothing, and reloads this process's
 * calendar; other processes see it at their next refresh (within a minute).
 * A year is added once, and no day may belong to two notices: the checks
 * below give the operator readable reasons, the primary keys keep them true
 * even for two operators at once.
 */
export async function addCalendarYear(notice: CalendarNotice): Promise<readonly number[]> {
  const off = daysOff(notice)
  const rows = [
    ...off.map(({ on, name }) => ({
      day: on,
      year: notice.year,
      kind: 'holiday',
      holiday_name: name,
    })),
    ...notice.workdays.map((day) => ({
      day,
      year: notice.year,
      kind: 'workday',
      holiday_name: null,
    })),
  ]
  try {
    await db.transaction(async (trx) => {
      const existing = await trx
        .from('calendar_notices')
        .where('year', notice.year)
        .select('title')
        .first()
      if (existing)
        throw new InvalidNotice([
          `${notice.year} already has a notice ("${existing.title}"); a year is added once`,
        ])
      const taken: TakenDay[] = (
        await trx.rawQuery(
          `SELECT to_char(day, 'YYYY-MM-DD') AS day, year, kind, holiday_name FROM calendar_days WHERE day = ANY(?::date[]) ORDER BY day`,
          [rows.map((r) => r.day)]
        )
      ).rows
      if (taken.length) throw new InvalidNotice(taken.map(describe))

      await trx.table('calendar_notices').insert({
        year: notice.year,
        title: notice.title,
        reference: notice.reference,
        published_on: notice.publishedOn,
      })
      await trx.table('calendar_days').multiInsert(rows)
    })
  } catch (error) {
    if ((error as { code?: string }).code === '23505') {
      throw new InvalidNotice([
        `another notice claimed ${notice.year} or one of its days at the same time; run the command again to see which`,
      ])
    }
    throw error
  }
  return loadHolidayCalendar()
}
