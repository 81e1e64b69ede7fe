/**
 * Mainland-China official working days: Mon–Fri, minus the public holidays,
 * plus the weekend days the State Council moves work onto (调休上班).
 *
 * Dates are ISO 'YYYY-MM-DD' calendar dates; arithmetic is on day numbers, so
 * no time zone (or DST) can shift a date.
 */

/** The State Council notices the calendar tables hold (loaded by holiday_calendar.ts). */
export interface OfficialCalendar {
  /** The years whose notice is known; dates in any other year are judged by weekends alone. */
  readonly years: readonly number[]
  /** Each day off the notices give, with the holiday's name; may include weekends and, rarely, a day of the year before. */
  readonly holidays: readonly { readonly on: string; readonly name: string }[]
  /** The weekend days worked instead (调休上班). */
  readonly workdays: readonly string[]
}

/*
 * Empty until the calendar is installed: the kernel's calendar provider
 * reads the table at boot, so every function here stays synchronous and
 * costs no query in the hot paths that compute deadlines.
 */
let years = new Set<number>()
let holidayByDay = new Map<number, string>()
let adjustedWorkdays = new Set<number>()

/** The years with a notice, ascending (a live binding: it follows useCalendar). */
export let CALENDAR_YEARS: readonly number[] = Object.freeze([])

const DAY_MS = 86_400_000

/** Days since 1970-01-01; throws on anything but a real 'YYYY-MM-DD' date. */
export function toDay(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  const ms = match ? Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!) : Number.NaN
  // The round trip rejects dates Date.UTC would silently roll over, like 02-30.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`Not an ISO calendar date: ${date}`)
  }
  return ms / DAY_MS
}

export function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

/** Replaces the whole calendar at once, so no caller ever sees half of a reload. */
export function useCalendar(calendar: OfficialCalendar): void {
  const nextHolidays = new Map<number, string>()
  const nextWorkdays = new Set<number>()
  for (const { on, name } of calendar.holidays) nextHolidays.set(toDay(on), name)
  for (const on of calendar.workdays) nextWorkdays.add(toDay(on))
  const sorted = [...new Set(calendar.years)].sort((a, b) => a - b)
  years = new Set(sorted)
  holidayByDay = nextHolidays
  adjustedWorkdays = nextWorkdays
  CALENDAR_YEARS = Object.freeze(sorted)
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
export function weekdayOf(day: number): number {
  return (day + 4) % 7
}

function isWorkingDayNumber(day: number): boolean {
  if (holidayByDay.has(day)) return false
  if (adjustedWorkdays.has(day)) return true
  const weekday = weekdayOf(day)
  return weekday !== 0 && weekday !== 6
}

/** False means dates in that year are judged by weekends alone: callers should warn. */
export function hasOfficialCalendar(year: number): boolean {
  return years.has(year)
}

export function isWorkingDay(date: string): boolean {
  return isWorkingDayNumber(toDay(date))
}

/** The holiday's name as the notice gives it, or null (ordinary weekends included). */
export function holidayName(date: string): string | null {
  return holidayByDay.get(toDay(date)) ?? null
}

/**
 * The n-th working day after `date`, never counting `date` itself; n = 0
 * returns `date` unchanged. So workingDaysBetween(date, result) === n always.
 */
export function addWorkingDays(date: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number >= 0, got ${n}`)
  let day = toDay(date)
  for (let left = n; left > 0;) {
    day++
    if (isWorkingDayNumber(day)) left--
  }
  return fromDay(day)
}

/** Working days d with from < d <= to; 0 when to <= from. */
export function workingDaysBetween(from: string, to: string): number {
  const end = toDay(to)
  let count = 0
  for (let day = toDay(from) + 1; day <= end; day++) {
    if (isWorkingDayNumber(day)) count++
  }
  return count
}
