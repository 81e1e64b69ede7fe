import { test } from '@japa/runner'
import { truncateAll } from '#tests/helpers/database'
import { signIn } from '#tests/helpers/browser'
import { createTestAccount } from '#testing/identity'
import { refreshRollups } from '../../services/rollups.js'
import { mixedWorld } from '../functional/reports_fixtures.js'

test.group('Browser: the statistics dashboard', (group) => {
  group.each.setup(() => truncateAll())
  group.each.teardown(() => truncateAll())

  test('a province drills down from its cities to a county; ECharts draws every chart under the strict CSP', async ({
    visit,
    assert,
  }) => {
    await mixedWorld()
    await refreshRollups()
    const province = await createTestAccount({
      role: 'admin',
      adminLevel: 'province',
      regionCode: '220000',
      unitName: '吉林省教育厅',
    })
    const errors: string[] = []
    const page = await visit('/login')
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    page.on('pageerror', (error) => errors.push(error.message))
    await signIn(page, page.url(), province)
    await page.goto(new URL('/manage/reports', page.url()).toString())
    await page.getByRole('heading', { name: '吉林省统计分析' }).waitFor()
    const charts = page.locator('[data-chart]')
    const count = await charts.count()
    assert.isAbove(count, 3)
    /* Each chart container gets ECharts' SVG once the vendor script ran. */
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-chart-ready] svg').length === n,
      count
    )
    await page.locator('#section-complaints').getByRole('link', { name: '长春市' }).click()
    await page.getByRole('heading', { name: '长春市统计分析' }).waitFor()
    await page.locator('#section-institutions').getByRole('link', { name: '朝阳区' }).click()
    await page.getByRole('heading', { name: '朝阳区统计分析' }).waitFor()
    assert.include(await page.getByTestId('report-trail').innerText(), '吉林省')
    await page.waitForFunction(() => document.querySelectorAll('[data-chart-ready] svg').length > 0)
    assert.deepEqual(errors, [])
  })
})
