import { test } from '@japa/runner'
import {
  CALENDAR_YEARS,
  addWorkingDays,
  hasOfficialCalendar,
  holidayName,
  isWorkingDay,
  workingDaysBetween,
} from '#kernel/shared/working_days'

function shift(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

/* Seeded, so a failing case can be reproduced. */
function prng(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
    return seed / 2 ** 31
  }
}

test.group('Working days', () => {
  test('the adjusted working weekends of 2026 are working days, ordinary weekends are not', ({
    assert,
  }) => {
    for (const d of [
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]) {
      assert.isTrue(isWorkingDay(d), d)
      assert.isNull(holidayName(d), d)
    }
    assert.isFalse(isWorkingDay('2026-03-07'))
    assert.isFalse(isWorkingDay('2026-03-08'))
    assert.isTrue(isWorkingDay('2026-03-09'))
  })

  test('National Day week 2026 is off, the Saturday after it is worked', ({ assert }) => {
    for (let d = '2026-10-01'; d <= '2026-10-07'; d = shift(d, 1)) {
      assert.isFalse(isWorkingDay(d), d)
      assert.equal(holidayName(d), '国庆节', d)
    }
    assert.equal(workingDaysBetween('2026-09-30', '2026-10-07'), 0)
    assert.equal(addWorkingDays('2026-09-30', 1), '2026-10-08')
    // Thu 10-08, Fri 10-09, Sat 10-10 (调休上班)
    assert.equal(workingDaysBetween('2026-09-30', '2026-10-11'), 3)
  })

  test('15 working days from before the 2026 Spring Festival skip the whole holiday', ({
    assert,
  }) => {
    /*
     * From Fri 02-06: Mon 02-09..Fri 02-13 (5), Sat 02-14 worked (6),
     * 02-15..02-23 off, Tue 02-24..Fri 02-27 (10), Sat 02-28 worked (11),
     * Mon 03-02..Thu 03-05 (15). Weekends alone would give Fri 02-27.
     */
    assert.equal(addWorkingDays('2026-02-06', 15), '2026-03-05')
    assert.equal(workingDaysBetween('2026-02-06', '2026-03-05'), 15)
    assert.equal(holidayName('2026-02-15'), '春节')
    assert.equal(holidayName('2026-02-23'), '春节')
    assert.isTrue(isWorkingDay('2026-02-24'))
  })

  test('2025 follows the revised rules, 2024 the old ones', ({ assert }) => {
    assert.equal(holidayName('2025-01-28'), '春节') // 除夕, a Tuesday
    assert.isFalse(isWorkingDay('2025-05-02'))
    assert.equal(holidayName('2025-10-08'), '国庆节、中秋节')
    assert.isTrue(isWorkingDay('2025-04-27')) // Sunday worked
    // 2024: 除夕 only "encouraged" as rest; 端午 a single Monday
    assert.isTrue(isWorkingDay('2024-02-09'))
    assert.isFalse(isWorkingDay('2024-06-10'))
    assert.isTrue(isWorkingDay('2024-02-18')) // Sunday worked
  })

  test('yearly totals match a hand count of each notice', ({ assert }) => {
    // weekdays − holidays falling on weekdays + adjusted working weekends
    assert.equal(workingDaysBetween('2023-12-31', '2024-12-31'), 262 - 19 + 8)
    assert.equal(workingDaysBetween('2024-12-31', '2025-12-31'), 261 - 18 + 5)
    assert.equal(workingDaysBetween('2025-12-31', '2026-12-31'), 261 - 19 + 6)
  })

  test('workingDaysBetween counts from < d <= to', ({ assert }) => {
    assert.equal(workingDaysBetween('2026-03-09', '2026-03-09'), 0)
    assert.equal(workingDaysBetween('2026-03-13', '2026-03-09'), 0)
    assert.equal(workingDaysBetween('2026-03-09', '2026-03-10'), 1)
    assert.equal(workingDaysBetween('2026-03-06', '2026-03-09'), 1) // Fri -> Mon
    assert.equal(addWorkingDays('2026-03-07', 0), '2026-03-07')
    assert.equal(addWorkingDays('2026-03-07', 1), '2026-03-09')
  })

  test('addWorkingDays and workingDaysBetween agree on random dates', ({ assert }) => {
    const random = prng(20260215)
    for (let i = 0; i < 2000; i++) {
      // 2023-01-01 .. about 2027-12: both sides of the covered years
      const from = shift('2023-01-01', Math.floor(random() * 1800))
      const n = Math.floor(random() * 40)
      const to = addWorkingDays(from, n)
      assert.equal(workingDaysBetween(from, to), n, `${from} + ${n}`)
      if (n > 0) {
        assert.isTrue(isWorkingDay(to), `${from} + ${n} = ${to}`)
        assert.equal(
          workingDaysBetween(from, shift(to, -1)),
          n - 1,
          `${from} + ${n} is the first such day`
        )
      }
    }
  })

  test('a year without a notice falls back to weekends and says so', ({ assert }) => {
    assert.deepEqual([...CALENDAR_YEARS], [2024, 2025, 2026])
    assert.isTrue(hasOfficialCalendar(2026))
    assert.isFalse(hasOfficialCalendar(2023))
    assert.isFalse(hasOfficialCalendar(2027))
    assert.isTrue(isWorkingDay('2027-01-01')) // a Friday; no notice, so no 元旦
    assert.isNull(holidayName('2027-01-01'))
    assert.isFalse(isWorkingDay('2027-01-02'))
    assert.equal(addWorkingDays('2027-01-01', 1), '2027-01-04')
  })

  test('rejects malformed dates and counts', ({ assert }) => {
    assert.throws(() => isWorkingDay('2026-02-30'), /ISO calendar date/)
    assert.throws(() => isWorkingDay('2026-2-3'), /ISO calendar date/)
    assert.throws(() => workingDaysBetween('2026-01-01', '2026-13-01'), /ISO calendar date/)
    assert.throws(() => addWorkingDays('2026-01-05', -1), /whole number/)
    assert.throws(() => addWorkingDays('2026-01-05', 1.5), /whole number/)
  })
})
