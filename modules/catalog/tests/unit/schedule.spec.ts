import { test } from '@japa/runner'
import {
  MAX_COURSE_DAYS,
  classMeetings,
  minuteOf,
  overlappingSlots,
  slotWindows,
  timeOf,
} from '../../course/schedule.js'

test.group('Course timetable', () => {
  test('reads and writes 24-hour times', ({ assert }) => {
    assert.equal(minuteOf('00:00'), 0)
    assert.equal(minuteOf('18:30'), 1110)
    assert.isNull(minuteOf('24:00'))
    assert.isNull(minuteOf('7:00'))
    assert.isNull(minuteOf('18:60'))
    assert.equal(timeOf(1110), '18:30')
  })

  test('orders slots by weekday and time and works out when each ends', ({ assert }) => {
    const windows = slotWindows(
      [
        { weekday: 6, start: '14:00' },
        { weekday: 3, start: '18:30' },
        { weekday: 6, start: '09:00' },
        { weekday: 9, start: '10:00' },
      ],
      45
    )
    assert.deepEqual(
      windows.map((w) => `${w.weekday} ${w.start}-${w.end}`),
      ['3 18:30-19:15', '6 09:00-09:45', '6 14:00-14:45']
    )
  })

  test('finds slots that overlap or repeat on the same day, not on different days', ({
    assert,
  }) => {
    const overlapping = slotWindows(
      [
        { weekday: 2, start: '18:00' },
        { weekday: 2, start: '18:30' },
      ],
      60
    )
    assert.lengthOf(overlappingSlots(overlapping), 1)
    assert.lengthOf(
      overlappingSlots(
        slotWindows(
          [
            { weekday: 2, start: '18:00' },
            { weekday: 2, start: '18:00' },
          ],
          60
        )
      ),
      1
    )
    assert.lengthOf(
      overlappingSlots(
        slotWindows(
          [
            { weekday: 2, start: '18:00' },
            { weekday: 2, start: '19:00' },
          ],
          60
        )
      ),
      0
    )
    assert.lengthOf(
      overlappingSlots(
        slotWindows(
          [
            { weekday: 2, start: '18:00' },
            { weekday: 3, start: '18:30' },
          ],
          60
        )
      ),
      0
    )
  })

  test('lists every class between the dates, inclusive', ({ assert }) => {
    /* 2027-03-06 is a Saturday; Wednesdays and Saturdays for four weeks. */
    const classes = classMeetings(
      '2027-03-06',
      '2027-04-03',
      slotWindows(
        [
          { weekday: 3, start: '18:00' },
          { weekday: 6, start: '09:00' },
        ],
        60
      )
    )
    assert.equal(classes.length, 9)
    assert.deepEqual(
      classes.slice(0, 3).map((c) => c.date),
      ['2027-03-06', '2027-03-10', '2027-03-13']
    )
    assert.equal(classes.at(-1)!.date, '2027-04-03')
    assert.deepEqual(
      classes.map((c) => c.number),
      [1, 2, 3, 4, 5, 6, 7, 8, 9]
    )
  })

  test('gives no classes for reversed, unreadable or over-long date ranges', ({ assert }) => {
    const saturdays = slotWindows([{ weekday: 6, start: '09:00' }], 60)
    assert.lengthOf(classMeetings('2027-04-03', '2027-03-06', saturdays), 0)
    assert.lengthOf(classMeetings('not a date', '2027-03-06', saturdays), 0)
    assert.lengthOf(
      classMeetings(
        '2027-01-01',
        `${2027 + Math.ceil(MAX_COURSE_DAYS / 365) + 1}-01-01`,
        saturdays
      ),
      0
    )
  })
})
