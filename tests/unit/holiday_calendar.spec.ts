import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import logger from '@adonisjs/core/services/logger'
import db from '@adonisjs/lucid/services/db'
import CalendarAddYear from '#kernel/commands/calendar_add_year'
import { InvalidNotice, readNotice } from '#kernel/shared/calendar_notice'
import { workingDeadline } from '#kernel/shared/deadlines'
import { loadHolidayCalendar, refreshHolidayCalendar } from '#kernel/shared/holiday_calendar'
import {
  CALENDAR_YEARS,
  addWorkingDays,
  hasOfficialCalendar,
  holidayName,
  isWorkingDay,
} from '#kernel/shared/working_days'

/*
| The 2023 notice (国办发明电〔2022〕16号), a year the seed does not carry:
| adding it exercises the command on a real notice, including an 元旦 that
| starts on the last day of the year before. Every test removes it again,
| so the rest of the suite sees the seeded 2024–2026 calendar only.
*/
const NOTICE_2023 = {
  title: '国务院办公厅关于2023年部分节假日安排的通知',
  reference: '国办发明电〔2022〕16号',
  publishedOn: '2022-12-08',
  holidays: [
    { name: '元旦', from: '2022-12-31', to: '2023-01-02' },
    { name: '春节', from: '2023-01-21', to: '2023-01-27' },
    { name: '清明节', from: '2023-04-05', to: '2023-04-05' },
    { name: '劳动节', from: '2023-04-29', to: '2023-05-03' },
    { name: '端午节', from: '2023-06-22', to: '2023-06-24' },
    { name: '中秋节、国庆节', from: '2023-09-29', to: '2023-10-06' },
  ],
  workdays: [
    '2023-01-28',
    '2023-01-29',
    '2023-04-23',
    '2023-05-06',
    '2023-06-25',
    '2023-10-07',
    '2023-10-08',
  ],
}

function problemsOf(year: number, input: unknown): string[] {
  try {
    readNotice(year, input)
  } catch (error) {
    if (error instanceof InvalidNotice) return [...error.problems]
    throw error
  }
  return []
}

async function removeYear(year: number) {
  await db.from('calendar_notices').where('year', year).delete()
  await loadHolidayCalendar()
}

test.group('Holiday calendar: the loader', (group) => {
  group.each.teardown(() => removeYear(2023))

  test('the migration seeds the notices the code carried, day for day', async ({ assert }) => {
    assert.deepEqual(await loadHolidayCalendar(), [2024, 2025, 2026])
    assert.deepEqual([...CALENDAR_YEARS], [2024, 2025, 2026])
    const { rows } = await db.rawQuery(
      `SELECT year, kind, count(*)::int AS days FROM calendar_days GROUP BY year, kind ORDER BY year, kind`
    )
    // Holiday days per notice counted from its spans; workdays are the notices' 调休上班 lists.
    assert.deepEqual(rows, [
      { year: 2024, kind: 'holiday', days: 28 },
      { year: 2024, kind: 'workday', days: 8 },
      { year: 2025, kind: 'holiday', days: 28 },
      { year: 2025, kind: 'workday', days: 5 },
      { year: 2026, kind: 'holiday', days: 33 },
      { year: 2026, kind: 'workday', days: 6 },
    ])
  })

  test('a notice another process adds is picked up by the next refresh, and only then', async ({
    assert,
  }) => {
    assert.isFalse(await refreshHolidayCalendar(), 'nothing changed since the last load')
    assert.isTrue(isWorkingDay('2023-01-23'))

    await db
      .table('calendar_notices')
      .insert({ year: 2023, title: NOTICE_2023.title, published_on: NOTICE_2023.publishedOn })
    await db.rawQuery(
      `INSERT INTO calendar_days (day, year, kind, holiday_name) SELECT d::date, 2023, 'holiday', '春节' FROM generate_series('2023-01-21'::date, '2023-01-27'::date, interval '1 day') AS d`
    )
    assert.isTrue(isWorkingDay('2023-01-23'), 'memory is not read from the database on every call')

    assert.isTrue(await refreshHolidayCalendar())
    assert.isFalse(isWorkingDay('2023-01-23'))
    assert.equal(holidayName('2023-01-23'), '春节')
    assert.isTrue(hasOfficialCalendar(2023))

    await db.from('calendar_notices').where('year', 2023).delete()
    assert.isTrue(await refreshHolidayCalendar(), 'a removed notice is a change too')
    assert.isFalse(hasOfficialCalendar(2023))
    assert.isTrue(isWorkingDay('2023-01-23'))
  })

  test('a year with no notice counts weekends only and warns once', async ({ assert }) => {
    const warnings: unknown[][] = []
    const warn = logger.warn
    logger.warn = ((...args: unknown[]) => void warnings.push(args)) as typeof logger.warn
    try {
      assert.isFalse(hasOfficialCalendar(2031))
      assert.equal(workingDeadline('2031-01-03', 1), '2031-01-06') // Friday -> Monday, no 元旦 known
      assert.equal(workingDeadline('2031-01-03', 2), '2031-01-07')
    } finally {
      logger.warn = warn
    }
    assert.lengthOf(warnings, 1)
    assert.deepEqual(warnings[0]![0], { year: 2031 })
    assert.match(String(warnings[0]![1]), /notice for this year is missing.*calendar:add-year/)
  })

  test('a known year gives no warning', async ({ assert }) => {
    const warnings: unknown[][] = []
    const warn = logger.warn
    logger.warn = ((...args: unknown[]) => void warnings.push(args)) as typeof logger.warn
    try {
      assert.equal(workingDeadline('2026-09-30', 1), '2026-10-08')
    } finally {
      logger.warn = warn
    }
    assert.lengthOf(warnings, 0)
  })
})

test.group('Holiday calendar: reading a notice file', () => {
  test('the 2023 notice is read as published', ({ assert }) => {
    const notice = readNotice(2023, NOTICE_2023)
    assert.equal(notice.year, 2023)
    assert.equal(notice.reference, '国办发明电〔2022〕16号')
    assert.lengthOf(notice.holidays, 6)
    assert.deepEqual(notice.workdays, NOTICE_2023.workdays)
  })

  test('bad dates are named with where they are', ({ assert }) => {
    const problems = problemsOf(2027, {
      title: '国务院办公厅关于2027年部分节假日安排的通知',
      publishedOn: '2026-11-31',
      holidays: [
        { name: '元旦', from: '2027-01-01', to: '2027-02-30' },
        { name: '春节', from: '2027-2-6', to: '2027-02-12' },
        { name: '清明节', from: '2027-04-05', to: '2027-04-03' },
        { name: '国庆节', from: '2027-10-01', to: '2028-01-07' },
        { name: '劳动节', from: '2027-05-01', to: '2027-05-31' },
      ],
      workdays: ['2027-03-03', '2026-06-06', 'soon'],
    })
    assert.deepEqual(problems, [
      'publishedOn: "2026-11-31" is not a YYYY-MM-DD date',
      'holidays[0] (元旦): to "2027-02-30" is not a YYYY-MM-DD date',
      'holidays[1] (春节): from "2027-2-6" is not a YYYY-MM-DD date',
      'holidays[2] (清明节): ends on 2027-04-03, before it starts on 2027-04-05',
      'holidays[3] (国庆节): 2027-10-01..2028-01-07 lies outside 2026-12-25..2027-12-31',
      'holidays[4] (劳动节): 31 days off is longer than any notice gives (at most 15)',
      'workdays[0]: 2027-03-03 is a weekday; a make-up working day is always a Saturday or a Sunday',
      'workdays[1]: 2026-06-06 lies outside 2026-12-25..2027-12-31',
      'workdays[2]: "soon" is not a YYYY-MM-DD date',
    ])
  })

  test('overlapping holidays and a working day inside a holiday are refused', ({ assert }) => {
    const problems = problemsOf(2023, {
      ...NOTICE_2023,
      holidays: [...NOTICE_2023.holidays, { name: '国庆节', from: '2023-10-06', to: '2023-10-07' }],
      workdays: [...NOTICE_2023.workdays, '2023-01-22', '2023-01-28'],
    })
    assert.deepEqual(problems, [
      'holidays 中秋节、国庆节 (2023-09-29..2023-10-06) and 国庆节 (2023-10-06..2023-10-07) overlap',
      'workdays[5]: 2023-10-07 is inside 国庆节 (2023-10-06..2023-10-07)',
      'workdays[7]: 2023-01-22 is inside 春节 (2023-01-21..2023-01-27)',
      'workdays[8]: 2023-01-28 is listed twice',
    ])
  })

  test('the shape itself is checked', ({ assert }) => {
    assert.deepEqual(problemsOf(2027, []), [
      'the file must hold one JSON object with title, publishedOn, holidays and workdays',
    ])
    assert.deepEqual(problemsOf(1999, NOTICE_2023), [
      'the year must be a whole number from 2000 to 2200, got 1999',
    ])
    assert.deepEqual(problemsOf(2024, { ...NOTICE_2023, year: 2023 }).slice(0, 1), [
      'the file is the notice for 2023, not 2024',
    ])
    assert.deepEqual(problemsOf(2027, { publishedOn: '2026-11-01', holidays: [] }), [
      "title: the notice's title is required",
      'holidays: the list of holidays is required and may not be empty',
      'workdays: the list of weekend days worked is required (an empty list if there are none)',
    ])
  })
})

test.group('Holiday calendar: node ace calendar:add-year', (group) => {
  let dir: string
  group.setup(async () => {
    dir = await mkdtemp(join(tmpdir(), 'calendar-'))
    ace.ui.switchMode('raw')
    return async () => {
      ace.ui.switchMode('normal')
      await rm(dir, { recursive: true, force: true })
    }
  })
  group.each.teardown(() => removeYear(2023))

  async function run(year: string, notice: unknown) {
    const file = join(dir, `${year}.json`)
    await writeFile(file, typeof notice === 'string' ? notice : JSON.stringify(notice))
    const command = await ace.create(CalendarAddYear, [year, '--file', file])
    /* Raw mode keeps every command's lines in one shared logger. */
    command.logger.flushLogs()
    await command.exec()
    return {
      command,
      errors: command.logger
        .getLogs()
        .filter((l) => l.stream === 'stderr')
        .map((l) => l.message),
    }
  }

  test('adds a year, and a deadline across its Spring Festival is counted from the table', async ({
    assert,
  }) => {
    // Before: weekends only, so the Monday inside the holiday counts.
    assert.equal(addWorkingDays('2023-01-20', 1), '2023-01-23')

    const { command } = await run('2023', NOTICE_2023)
    command.assertSucceeded()
    assert.deepEqual([...CALENDAR_YEARS], [2023, 2024, 2025, 2026])
    // After: 01-21..01-27 off, the Saturday 01-28 worked.
    assert.equal(workingDeadline('2023-01-20', 1), '2023-01-28')
    assert.equal(workingDeadline('2023-01-20', 3), '2023-01-30')
    assert.equal(holidayName('2022-12-31'), '元旦')
    const stored = await db.from('calendar_notices').where('year', 2023).first()
    assert.equal(stored.reference, '国办发明电〔2022〕16号')
  })

  test('refuses a year that already has a notice, and days another notice holds', async ({
    assert,
  }) => {
    const again = await run('2026', {
      ...NOTICE_2023,
      title: '国务院办公厅关于2026年部分节假日安排的通知',
      holidays: [{ name: '元旦', from: '2026-01-01', to: '2026-01-03' }],
      workdays: [],
    })
    again.command.assertFailed()
    assert.deepEqual(again.errors.map(stripColors), [
      '2026 already has a notice ("国务院办公厅关于2026年部分节假日安排的通知"); a year is added once',
    ])

    ;(await run('2023', NOTICE_2023)).command.assertSucceeded()
    const overlapping = await run('2022', {
      title: '国务院办公厅关于2022年部分节假日安排的通知',
      publishedOn: '2021-10-25',
      holidays: [{ name: '元旦', from: '2022-12-30', to: '2022-12-31' }],
      workdays: [],
    })
    overlapping.command.assertFailed()
    assert.deepEqual(overlapping.errors.map(stripColors), [
      '2022-12-31 is already a day of 元旦 in the 2023 notice',
    ])
    assert.isFalse(hasOfficialCalendar(2022))
    assert.notExists(
      await db.from('calendar_days').where('day', '2022-12-30').first(),
      'nothing of a refused notice is written'
    )
  })

  test('says what is wrong with a file before writing anything', async ({ assert }) => {
    const notJson = await run('2027', '{ "title": ')
    notJson.command.assertFailed()
    assert.match(stripColors(notJson.errors[0]!), /2027\.json is not JSON/)

    const badYear = await run('27', NOTICE_2023)
    badYear.command.assertFailed()
    assert.deepEqual(badYear.errors.map(stripColors), [
      'the year is four digits, e.g. 2027, got "27"',
    ])

    const bad = await run('2023', { ...NOTICE_2023, workdays: ['2023-01-24'] })
    bad.command.assertFailed()
    assert.deepEqual(bad.errors.map(stripColors), [
      'workdays[0]: 2023-01-24 is a weekday; a make-up working day is always a Saturday or a Sunday',
    ])
    assert.isFalse(hasOfficialCalendar(2023))
  })
})

/* Raw mode writes colours as markers: "[ red(error) ] message". */
function stripColors(line: string): string {
  return line.replace(/^\[ \w+\(\w+\) \] /, '')
}
