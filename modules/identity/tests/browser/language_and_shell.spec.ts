import { test } from '@japa/runner'
import { truncateAll } from '#tests/helpers/database'
import { createTestAccount } from '../../testing.js'

test.group('Browser: language switch and phone layout', (group) => {
  group.each.setup(() => truncateAll())
  group.each.teardown(() => truncateAll())

  test('the language switch turns the site to English and back', async ({ visit }) => {
    const page = await visit('/login')
    await page.assertTextContains('h1', '登录')
    await page.getByTestId('lang-switch').click()
    await page.assertPath('/login')
    await page.assertTextContains('h1', 'Sign in')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.assertTextContains('#field-identifier-error', 'Enter the mobile number or username')
    await page.getByTestId('lang-switch').click()
    await page.assertTextContains('h1', '登录')
  })

  test('on a phone the menu opens with the menu button', async ({ visit, browserContext }) => {
    const account = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    await browserContext.loginAs(account.user)
    const page = await visit('/manage')
    await page.setViewportSize({ width: 375, height: 740 })
    await page.assertNotVisible('#site-nav')
    await page.getByRole('button', { name: '菜单' }).click()
    await page.assertVisible('#site-nav')
    await page.locator('#site-nav').getByRole('link', { name: '操作日志', exact: true }).click()
    await page.assertPath('/manage/audit')
  })
})
