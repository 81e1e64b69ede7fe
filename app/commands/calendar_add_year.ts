import { readFile } from 'node:fs/promises'
import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/*
| Adds the State Council's holiday notice for a year (published each
| autumn for the year after) to the calendar that working-day deadlines
| count on. The file's shape is described in app/shared/calendar_notice.ts;
| nothing is written unless the whole notice is valid.
*/
export default class CalendarAddYear extends BaseCommand {
  static override commandName = 'calendar:add-year'
  static override description =
    "Add a year's State Council holiday notice (days off and weekends worked) from a JSON file"
  static override options: CommandOptions = { startApp: true }

  @args.string({ description: 'The year the notice is for, e.g. 2027' })
  declare year: string

  @flags.string({
    description:
      'JSON file with the notice: title, publishedOn, holidays [{name, from, to}], workdays',
    required: true,
  })
  declare file: string

  override async run() {
    const { readNotice, InvalidNotice } = await import('../shared/calendar_notice.js')
    const { addCalendarYear } = await import('../shared/add_calendar_year.js')
    try {
      if (!/^\d{4}$/.test(this.year))
        throw new InvalidNotice([`the year is four digits, e.g. 2027, got "${this.year}"`])
      const text = await readFile(this.file, 'utf8')
      let parsed: unknown
      try {
        parsed = JSON.parse(text)
      } catch (error) {
        throw new InvalidNotice([`${this.file} is not JSON: ${(error as Error).message}`])
      }
      const notice = readNotice(Number(this.year), parsed)
      const years = await addCalendarYear(notice)
      this.logger.success(
        `Added the ${notice.year} notice: ${notice.holidays.length} holidays, ${notice.workdays.length} weekend days worked. ` +
          `Known years: ${years.join(', ')}. Running processes pick it up within a minute.`
      )
    } catch (error) {
      if (error instanceof InvalidNotice) {
        for (const problem of error.problems) this.logger.error(problem)
      } else if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        this.logger.error(`No such file: ${this.file}`)
      } else {
        throw error
      }
      this.exitCode = 1
    }
  }
}
