/*
| A course's timetable: weekly slots (weekday and start time) between a
| start and an end date, every class the same length. From them come the
| dates of every class, which charge rules and contracts need.
*/
import { DateTime } from 'luxon'

export interface WeeklySlot {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number
  /** "HH:MM", 24-hour, Beijing time. */
  start: string
}

export interface SlotWindow extends WeeklySlot {
  /** "HH:MM", Beijing time: the start plus the class length (past 24:00 when a class runs past midnight). */
  end: string
  /** The start, in minutes after midnight (09:30 = 570). */
  startMinute: number
  /** The end, in minutes after midnight (above 1440 when a class runs past midnight). */
  endMinute: number
}

export interface ClassMeeting {
  /** The class's place in the course, from 1. */
  number: number
  /** The day of the class, YYYY-MM-DD (a calendar day in Asia/Shanghai). */
  date: string
  /** ISO weekday of that day: 1 = Monday … 7 = Sunday. */
  weekday: number
  /** "HH:MM", 24-hour, Beijing time. */
  start: string
  /** "HH:MM", Beijing time: the start plus the class length. */
  end: string
}

/** A course may not run longer than this; it also bounds the work of listing its classes. */
export const MAX_COURSE_DAYS = 366

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/

export function minuteOf(time: string): number | null {
  const match = TIME.exec(time)
  return match ? Number(match[1]) * 60 + Number(match[2]) : null
}

export function timeOf(minute: number): string {
  const m = Math.max(0, minute)
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
}

/** Each slot with its end time, in weekday and time order; unreadable slots are left out. */
export function slotWindows(slots: readonly WeeklySlot[], minutesPerClass: number): SlotWindow[] {
  return slots
    .map((slot) => ({ slot, start: minuteOf(slot.start) }))
    .filter(
      (s): s is { slot: WeeklySlot; start: number } =>
        s.start !== null && s.slot.weekday >= 1 && s.slot.weekday <= 7
    )
    .map(({ slot, start }) => ({
      weekday: slot.weekday,
      start: slot.start,
      startMinute: start,
      endMinute: start + minutesPerClass,
      end: timeOf(start + minutesPerClass),
    }))
    .sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute)
}

/** Pairs of slots on the same weekday whose times overlap (or repeat). */
export function overlappingSlots(windows: readonly SlotWindow[]): [SlotWindow, SlotWindow][] {
  const pairs: [SlotWindow, SlotWindow][] = []
  for (let i = 1; i < windows.length; i++) {
    const [a, b] = [windows[i - 1]!, windows[i]!]
    if (a.weekday === b.weekday && b.startMinute < a.endMinute) pairs.push([a, b])
  }
  return pairs
}

/** Every class from the start date to the end date, inclusive, in order. */
export function classMeetings(
  startDate: string,
  endDate: string,
  windows: readonly SlotWindow[]
): ClassMeeting[] {
  const first = DateTime.fromISO(startDate)
  const last = DateTime.fromISO(endDate)
  if (
    !first.isValid ||
    !last.isValid ||
    last < first ||
    last.diff(first, 'days').days > MAX_COURSE_DAYS
  )
    return []
  const meetings: ClassMeeting[] = []
  for (let day = first; day <= last; day = day.plus({ days: 1 })) {
    for (const w of windows) {
      if (w.weekday === day.weekday) {
        meetings.push({
          number: meetings.length + 1,
          date: day.toISODate()!,
          weekday: w.weekday,
          start: w.start,
          end: w.end,
        })
      }
    }
  }
  return meetings
}
