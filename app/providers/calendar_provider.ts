/*
| The holiday calendar in memory: read from the database at start, so the
| working-day functions stay synchronous, and re-checked every minute in
| long-lived processes, so a notice added by `node ace calendar:add-year`
| reaches running servers and workers without a restart. Test runs load it
| after migrating their fresh database (tests/bootstrap.ts).
*/
import type { ApplicationService } from '@adonisjs/core/types'
import logger from '@adonisjs/core/services/logger'
import {
  isMissingCalendarTable,
  loadHolidayCalendar,
  refreshHolidayCalendar,
} from '../shared/holiday_calendar.js'

const REFRESH_MS = 60_000

export default class CalendarProvider {
  #timer?: NodeJS.Timeout

  constructor(protected app: ApplicationService) {}

  async start() {
    /* Code generation warms the app up without a database. */
    if (this.app.getMode() !== 'run') return
    try {
      const years = await loadHolidayCalendar()
      logger.debug({ years }, 'holiday calendar loaded')
    } catch (error) {
      if (!isMissingCalendarTable(error))
        throw new Error('Could not read the holiday calendar at start', { cause: error })
      /* `migration:run` on a fresh database starts the app before the table exists. */
      logger.debug(
        'no holiday calendar table yet: working days count weekends only until the migrations run'
      )
    }
  }

  ready() {
    const environment = this.app.getEnvironment()
    if (environment !== 'web' && environment !== 'console') return
    this.#timer = setInterval(() => {
      refreshHolidayCalendar().then(
        (changed) => changed && logger.info('holiday calendar reloaded: a notice was added'),
        (error) =>
          logger.warn(
            { err: error },
            'holiday calendar refresh failed; the last loaded calendar stays in use'
          )
      )
    }, REFRESH_MS)
    /* Never what keeps a finished command alive. */
    this.#timer.unref()
  }

  shutdown() {
    clearInterval(this.#timer)
  }
}
