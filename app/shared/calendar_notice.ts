import { fromDay, toDay, weekdayOf } from './working_days.js'

/*
| A State Council holiday notice as an operator types it from the published
| text (the file `node ace calendar:add-year` reads):
|
|   {
|     "title": "国务院办公厅关于2027年部分节假日安排的通知",
|     "reference": "国办发明电〔2026〕…号",          (optional)
|     "publishedOn": "2026-11-…",
|     "holidays": [{ "name": "元旦", "from": "2027-01-01", "to": "2027-01-01" }, …],
|     "workdays": ["2027-…", …]                     (the weekends worked, 调休上班)
|   }
|
| Ranges are the notice's own "放假调休" spans, weekends included.
*/

export interface HolidayRange {
  readonly name: string
  readonly from: string
  readonly to: string
}

export interface CalendarNotice {
  readonly year: number
  readonly title: string
  readonly reference: string | null
  readonly publishedOn: string
  readonly holidays: readonly HolidayRange[]
  readonly workdays: readonly string[]
}

/** Everything wrong with a notice file, one line each, so the operator fixes them in one go. */
export class InvalidNotice extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The notice is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'InvalidNotice'
  }
}

/* The longest 放假调休 span so far is nine days (春节 2026); anything much longer is a typo. */
const LONGEST_HOLIDAY_DAYS = 15

function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false
  try {
    toDay(value)
    return true
  } catch {
    return false
  }
}

/** The days a notice for `year` may name: the year itself and, for an 元旦 that starts early, the last week before it. */
export function noticeWindow(year: number): { first: string; last: string } {
  return { first: `${year - 1}-12-25`, last: `${year}-12-31` }
}

/** Checks a parsed notice file for `year`; returns it typed, or throws InvalidNotice listing every problem. */
export function readNotice(year: number, input: unknown): CalendarNotice {
  const problems: string[] = []
  if (!Number.isInteger(year) || year < 2000 || year > 2200) {
    throw new InvalidNotice([`the year must be a whole number from 2000 to 2200, got ${year}`])
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InvalidNotice([
      'the file must hold one JSON object with title, publishedOn, holidays and workdays',
    ])
  }
  const raw = input as Record<string, unknown>
  const { first, last } = noticeWindow(year)
  const inWindow = (date: string) => date >= first && date <= last

  if (raw.year !== undefined && raw.year !== year)
    problems.push(`the file is the notice for ${String(raw.year)}, not ${year}`)
  if (typeof raw.title !== 'string' || !raw.title.trim())
    problems.push("title: the notice's title is required")
  if (
    raw.reference !== undefined &&
    raw.reference !== null &&
    (typeof raw.reference !== 'string' || raw.reference.length > 60)
  ) {
    problems.push('reference: the document number (文号) is text of at most 60 characters')
  }
  if (!isIsoDate(raw.publishedOn))
    problems.push(`publishedOn: "${String(raw.publishedOn)}" is not a YYYY-MM-DD date`)

  const holidays: HolidayRange[] = []
  if (!Array.isArray(raw.holidays) || raw.holidays.length === 0) {
    problems.push('holidays: the list of holidays is required and may not be empty')
  } else {
    for (const [i, entry] of (raw.holidays as unknown[]).entries()) {
      const at = `holidays[${i}]`
      const h = (entry ?? {}) as Record<string, unknown>
      const name = typeof h.name === 'string' ? h.name.trim() : ''
      if (!name || name.length > 40)
        problems.push(`${at}: a name of 1 to 40 characters is required`)
      const label = name ? `${at} (${name})` : at
      if (!isIsoDate(h.from)) {
        problems.push(`${label}: from "${String(h.from)}" is not a YYYY-MM-DD date`)
        continue
      }
      if (!isIsoDate(h.to)) {
        problems.push(`${label}: to "${String(h.to)}" is not a YYYY-MM-DD date`)
        continue
      }
      if (h.to < h.from) {
        problems.push(`${label}: ends on ${h.to}, before it starts on ${h.from}`)
        continue
      }
      if (!inWindow(h.from) || !inWindow(h.to)) {
        problems.push(`${label}: ${h.from}..${h.to} lies outside ${first}..${last}`)
        continue
      }
      const days = toDay(h.to) - toDay(h.from) + 1
      if (days > LONGEST_HOLIDAY_DAYS) {
        problems.push(
          `${label}: ${days} days off is longer than any notice gives (at most ${LONGEST_HOLIDAY_DAYS})`
        )
        continue
      }
      holidays.push({ name, from: h.from, to: h.to })
    }
  }
  const sorted = [...holidays].sort((a, b) => a.from.localeCompare(b.from))
  for (const [i, next] of sorted.entries()) {
    const prev = sorted[i - 1]
    if (prev && next.from <= prev.to) {
      problems.push(
        `holidays ${prev.name} (${prev.from}..${prev.to}) and ${next.name} (${next.from}..${next.to}) overlap`
      )
    }
  }

  const workdays: string[] = []
  if (!Array.isArray(raw.workdays)) {
    problems.push(
      'workdays: the list of weekend days worked is required (an empty list if there are none)'
    )
  } else {
    for (const [i, day] of (raw.workdays as unknown[]).entries()) {
      const at = `workdays[${i}]`
      if (!isIsoDate(day)) {
        problems.push(`${at}: "${String(day)}" is not a YYYY-MM-DD date`)
        continue
      }
      if (!inWindow(day)) {
        problems.push(`${at}: ${day} lies outside ${first}..${last}`)
        continue
      }
      const weekday = weekdayOf(toDay(day))
      if (weekday !== 0 && weekday !== 6) {
        problems.push(
          `${at}: ${day} is a weekday; a make-up working day is always a Saturday or a Sunday`
        )
        continue
      }
      const off = holidays.find((h) => day >= h.from && day <= h.to)
      if (off) {
        problems.push(`${at}: ${day} is inside ${off.name} (${off.from}..${off.to})`)
        continue
      }
      if (workdays.includes(day)) {
        problems.push(`${at}: ${day} is listed twice`)
        continue
      }
      workdays.push(day)
    }
  }

  if (problems.length) throw new InvalidNotice(problems)
  return {
    year,
    title: (raw.title as string).trim(),
    reference:
      typeof raw.reference === 'string' && raw.reference.trim() ? raw.reference.trim() : null,
    publishedOn: raw.publishedOn as string,
    holidays: sorted,
    workdays: workdays.sort(),
  }
}

/** Every day a notice gives off, with its holiday's name. */
export function daysOff(notice: CalendarNotice): { on: string; name: string }[] {
  return notice.holidays.flatMap((h) => {
    const days: { on: string; name: string }[] = []
    for (let d = toDay(h.from); d <= toDay(h.to); d++) days.push({ on: fromDay(d), name: h.name })
    return days
  })
}
