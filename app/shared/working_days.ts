/**
 * Mainland-China official working days: Mon–Fri, minus the public holidays,
 * plus the weekend days the State Council moves work onto (调休上班).
 *
 * Dates are ISO 'YYYY-MM-DD' calendar dates; arithmetic is on day numbers, so
 * no time zone (or DST) can shift a date.
 */

interface Holiday {
  readonly name: string
  readonly from: string
  readonly to: string
}

interface YearCalendar {
  readonly holidays: readonly Holiday[]
  readonly workdays: readonly string[]
}

/*
 * Copied from the notices exactly as published. Ranges are the notice's own
 * "放假调休" spans, so they may include weekends. The notices are issued in
 * the autumn of the year before: a year absent here has no notice yet.
 */
const CALENDAR: Readonly<Record<number, YearCalendar>> = {
  // 国务院办公厅关于2024年部分节假日安排的通知 (国办发明电〔2023〕7号, 2023-10-25).
  // 2024 used the old rules: 除夕 (02-09) was only "encouraged" as a rest day, so it is a working day here.
  2024: {
    holidays: [
      { name: '元旦', from: '2024-01-01', to: '2024-01-01' },
      { name: '春节', from: '2024-02-10', to: '2024-02-17' },
      { name: '清明节', from: '2024-04-04', to: '2024-04-06' },
      { name: '劳动节', from: '2024-05-01', to: '2024-05-05' },
      { name: '端午节', from: '2024-06-10', to: '2024-06-10' },
      { name: '中秋节', from: '2024-09-15', to: '2024-09-17' },
      { name: '国庆节', from: '2024-10-01', to: '2024-10-07' },
    ],
    workdays: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
  },
  // 国务院办公厅关于2025年部分节假日安排的通知 (2024-11-12),
  // the first under the revised 全国年节及纪念日放假办法 (除夕 and 5-02 added).
  2025: {
    holidays: [
      { name: '元旦', from: '2025-01-01', to: '2025-01-01' },
      { name: '春节', from: '2025-01-28', to: '2025-02-04' },
      { name: '清明节', from: '2025-04-04', to: '2025-04-06' },
      { name: '劳动节', from: '2025-05-01', to: '2025-05-05' },
      { name: '端午节', from: '2025-05-31', to: '2025-06-02' },
      { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08' },
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  // 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04).
  2026: {
    holidays: [
      { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
      { name: '春节', from: '2026-02-15', to: '2026-02-23' },
      { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
      { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
      { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
      { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
}

export const CALENDAR_YEARS: readonly number[] = Object.freeze(Object.keys(CALENDAR).map(Number))

const DAY_MS = 86_400_000

/** Days since 1970-01-01; throws on anything but a real 'YYYY-MM-DD' date. */
function toDay(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  const ms = match ? Date.UTC(+match[1], +match[2] - 1, +match[3]) : Number.NaN
  // The round trip rejects dates Date.UTC would silently roll over, like 02-30.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`Not an ISO calendar date: ${date}`)
  }
  return ms / DAY_MS
}

function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

const holidayByDay = new Map<number, string>()
const adjustedWorkdays = new Set<number>()
for (const { holidays, workdays } of Object.values(CALENDAR)) {
  for (const h of holidays) {
    for (let d = toDay(h.from); d <= toDay(h.to); d++) holidayByDay.set(d, h.name)
  }
  for (const w of workdays) adjustedWorkdays.add(toDay(w))
}

function isWorkingDayNumber(day: number): boolean {
  if (holidayByDay.has(day)) return false
  if (adjustedWorkdays.has(day)) return true
  const weekday = (day + 4) % 7 // 1970-01-01 was a Thursday; 0 = Sunday
  return weekday !== 0 && weekday !== 6
}

/** False means dates in that year are judged by weekends alone: callers should warn. */
export function hasOfficialCalendar(year: number): boolean {
  return Object.hasOwn(CALENDAR, year)
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
  for (let left = n; left > 0; ) {
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
