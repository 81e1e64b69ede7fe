import logger from '@adonisjs/core/services/logger'
import { addWorkingDays, hasOfficialCalendar } from './working_days.js'

const warned = new Set<number>()

/**
 * The date `n` working days after `from`. When the span reaches a year
 * whose holiday notice is not in the calendar tables yet, weekends alone
 * are used and operators are told once per process, so the notice gets
 * added (the State Council publishes each year's in the autumn before).
 */
export function workingDeadline(from: string, n: number): string {
  const due = addWorkingDays(from, n)
  for (let year = Number(from.slice(0, 4)); year <= Number(due.slice(0, 4)); year++) {
    if (!hasOfficialCalendar(year) && !warned.has(year)) {
      warned.add(year)
      logger.warn(
        { year },
        "the State Council's holiday notice for this year is missing: working-day deadlines count weekends only until it is added (node ace calendar:add-year)"
      )
    }
  }
  return due
}
