import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { assert } from '@japa/assert'
import { apiClient } from '@japa/api-client'
import { browserClient } from '@japa/browser-client'
import { pluginAdonisJS } from '@japa/plugin-adonisjs'
import { authApiClient } from '@adonisjs/auth/plugins/api_client'
import { authBrowserClient } from '@adonisjs/auth/plugins/browser_client'
import { sessionApiClient } from '@adonisjs/session/plugins/api_client'
import { sessionBrowserClient } from '@adonisjs/session/plugins/browser_client'
import { shieldApiClient } from '@adonisjs/shield/plugins/api_client'
import { chromium } from 'playwright'
import type { Config } from '@japa/runner/types'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/* Suites that talk to the app over HTTP get a running server. */
const needsServer = (name: string) => name.endsWith(':functional') || name.endsWith(':browser')
const browserSuites = app.rcFile.tests.suites
  .map((s) => s.name)
  .filter((n) => n.endsWith(':browser'))

export const plugins: Config['plugins'] = [
  assert(),
  pluginAdonisJS(app),
  apiClient(),
  sessionApiClient(app),
  shieldApiClient(),
  authApiClient(app),
  browserClient({
    runInSuites: browserSuites,
    /* A Chinese phone: the platform's default audience. */
    contextOptions: { locale: 'zh-CN', timezoneId: 'Asia/Shanghai' },
    /* Debian's Chromium; Playwright never downloads a browser here. */
    launcher: (options) =>
      chromium.launch({
        ...options,
        executablePath: CHROMIUM,
        args: [
          '--disable-dev-shm-usage',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
          '--disable-sync',
        ],
      }),
  }),
  sessionBrowserClient(app),
  authBrowserClient(app),
]

export const runnerHooks: Required<Pick<Config, 'setup' | 'teardown'>> = {
  /* No rollback afterwards: the whole database is dropped when the run ends. */
  setup: [
    async () => {
      await testUtils.db().migrate()
      /* The app started before this run's database had its tables: read the holiday calendar now. */
      const { loadHolidayCalendar } = await import('#kernel/shared/holiday_calendar')
      await loadHolidayCalendar()
      const { provideSeedFixtures } = await import('./plugin_fixtures.js')
      provideSeedFixtures()
    },
  ],
  teardown: [],
}

export const configureSuite: Config['configureSuite'] = (suite) => {
  if (needsServer(suite.name)) {
    return suite.setup(() => testUtils.httpServer().start())
  }
}
