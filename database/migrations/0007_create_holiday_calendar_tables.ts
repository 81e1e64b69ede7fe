import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| The State Council's holiday notices (国务院办公厅关于某年部分节假日安排的通知)
| as data: working-day deadlines read them (app/shared/holiday_calendar.ts)
| and `node ace calendar:add-year` adds the next one when it is published,
| in the autumn before. One row per day: a day is either off (with the
| holiday's name) or a weekend worked instead, never both, and belongs to
| exactly one notice, so the primary key alone refuses overlapping notices.
|
| Seeded with the notices the code carried before (2024–2026), copied from
| the notices exactly as published. Ranges are each notice's own "放假调休"
| spans, so they include weekends.
*/
interface SeedNotice {
  year: number
  title: string
  reference: string | null
  publishedOn: string
  holidays: [name: string, from: string, to: string][]
  workdays: string[]
}

const NOTICES: SeedNotice[] = [
  /*
  | 2024 used the old rules: 除夕 (02-09) was only "encouraged" as a rest
  | day, so it is a working day here.
  */
  {
    year: 2024,
    title: '国务院办公厅关于2024年部分节假日安排的通知',
    reference: '国办发明电〔2023〕7号',
    publishedOn: '2023-10-25',
    holidays: [
      ['元旦', '2024-01-01', '2024-01-01'],
      ['春节', '2024-02-10', '2024-02-17'],
      ['清明节', '2024-04-04', '2024-04-06'],
      ['劳动节', '2024-05-01', '2024-05-05'],
      ['端午节', '2024-06-10', '2024-06-10'],
      ['中秋节', '2024-09-15', '2024-09-17'],
      ['国庆节', '2024-10-01', '2024-10-07'],
    ],
    workdays: [
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ],
  },
  /* The first under the revised 全国年节及纪念日放假办法 (除夕 and 5-02 added). */
  {
    year: 2025,
    title: '国务院办公厅关于2025年部分节假日安排的通知',
    reference: null,
    publishedOn: '2024-11-12',
    holidays: [
      ['元旦', '2025-01-01', '2025-01-01'],
      ['春节', '2025-01-28', '2025-02-04'],
      ['清明节', '2025-04-04', '2025-04-06'],
      ['劳动节', '2025-05-01', '2025-05-05'],
      ['端午节', '2025-05-31', '2025-06-02'],
      ['国庆节、中秋节', '2025-10-01', '2025-10-08'],
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    title: '国务院办公厅关于2026年部分节假日安排的通知',
    reference: null,
    publishedOn: '2025-11-04',
    holidays: [
      ['元旦', '2026-01-01', '2026-01-03'],
      ['春节', '2026-02-15', '2026-02-23'],
      ['清明节', '2026-04-04', '2026-04-06'],
      ['劳动节', '2026-05-01', '2026-05-05'],
      ['端午节', '2026-06-19', '2026-06-21'],
      ['中秋节', '2026-09-25', '2026-09-27'],
      ['国庆节', '2026-10-01', '2026-10-07'],
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
]

export default class extends BaseSchema {
  override async up() {
    this.schema.createTable('calendar_notices', (table) => {
      table.smallint('year').primary()
      table.text('title').notNullable()
      /* The notice's document number (文号), when known. */
      table.string('reference', 60)
      table.date('published_on')
      table.timestamp('added_at', { useTz: true }).notNullable().defaultTo(this.now())
    })
    this.schema.raw(
      `ALTER TABLE calendar_notices ADD CONSTRAINT calendar_notices_year_range CHECK (year BETWEEN 2000 AND 2200)`
    )

    this.schema.createTable('calendar_days', (table) => {
      table.date('day').primary()
      table
        .smallint('year')
        .notNullable()
        .references('year')
        .inTable('calendar_notices')
        .onDelete('CASCADE')
      table.string('kind', 10).notNullable()
      table.string('holiday_name', 40)
    })
    this.schema.raw(`
      ALTER TABLE calendar_days
        ADD CONSTRAINT calendar_days_kind CHECK (kind IN ('holiday', 'workday')),
        ADD CONSTRAINT calendar_days_named_holidays CHECK ((kind = 'holiday') = (holiday_name IS NOT NULL)),
        -- a make-up working day is always a Saturday or a Sunday
        ADD CONSTRAINT calendar_days_workday_on_weekend CHECK (kind <> 'workday' OR extract(isodow FROM day) IN (6, 7)),
        -- a notice may start its 元旦 in the last days of the year before (2023's began on 2022-12-31)
        ADD CONSTRAINT calendar_days_in_notice_year CHECK (day BETWEEN make_date(year - 1, 12, 25) AND make_date(year, 12, 31))
    `)
    this.schema.raw(`CREATE INDEX calendar_days_year ON calendar_days (year)`)

    this.defer(async (db) => {
      for (const notice of NOTICES) {
        await db.table('calendar_notices').insert({
          year: notice.year,
          title: notice.title,
          reference: notice.reference,
          published_on: notice.publishedOn,
        })
        for (const [name, from, to] of notice.holidays) {
          await db.rawQuery(
            `INSERT INTO calendar_days (day, year, kind, holiday_name)
             SELECT d::date, ?, 'holiday', ? FROM generate_series(?::date, ?::date, interval '1 day') AS d`,
            [notice.year, name, from, to]
          )
        }
        await db
          .table('calendar_days')
          .multiInsert(notice.workdays.map((day) => ({ day, year: notice.year, kind: 'workday' })))
      }
    })
  }

  override async down() {
    this.schema.dropTable('calendar_days')
    this.schema.dropTable('calendar_notices')
  }
}
