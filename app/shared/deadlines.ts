import logger from '@adonisjs/core/services/logger'
import { addWorkingDays, hasOfficialCalendar } from './working_days.js'

const warned = new Set<number>()

/**
 * The date `n` working days after `from`. When the span reaches a year
 * whose holiday notice is not in the calendar yet, weekends alone are used
 * and operators are told once, so the calendar gets updated (the State
 * Council publishes each year's notice in the autumn before).
 */
export function workingDeadline(from: string, n: number): string {
  const due = addWorkingDays(from, n)
  for (let year = Number(from.slice(0, 4)); year <= Number(due.slice(0, 4)); year++) {
    if (!hasOfficialCalendar(year) && !warned.has(year)) {
      warned.add(year)
      logger.warn({ year }, 'no official holiday calendar for this year: working-day deadlines count weekends only until app/shared/working_days.ts is updated')
    }
  }
  return due
}
