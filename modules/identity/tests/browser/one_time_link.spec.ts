import { test } from '@japa/runner'
import { truncateAll } from '#tests/helpers/database'
import { createTestAccount, uniquePhone } from '../../testing.js'

test.group('Browser: accounts are activated through a one-time link', (group) => {
  group.each.setup(() => truncateAll())
  group.each.teardown(() => truncateAll())

  test('a county opens a sub-unit account; its holder sets a password from the texted link', async ({
    visit,
    browserContext,
  }) => {
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
      unitName: '长春市朝阳区教育局',
    })
    await browserContext.loginAs(county.user)
    const phone = uniquePhone()

    const page = await visit('/manage/accounts')
    await page.getByRole('link', { name: '开通账号' }).click()
    await page.getByLabel('账号类型').selectOption('admin:subunit')
    await page.getByLabel('所属地区').selectOption('220104')
    await page.getByLabel('单位名称').fill('朝阳区南湖街道教育办公室')
    await page.getByLabel('使用人姓名').fill('周立新')
    await page.getByLabel('使用人手机号').fill(phone)
    await page.getByLabel('用户名').fill('nanhu_browser')
    await page.getByRole('button', { name: '开通账号' }).click()
    await page.assertTextContains('.alert--success', '设置密码链接已发送至')
    await page.assertTextContains('[data-testid="account-status"]', '待设置密码')

    /* The full number is shown only on request, and that is logged. */
    await page.assertNotExists(`text=${phone}`)
    await page.getByTestId('reveal-phone').click()
    await page.assertText('[data-testid="account-phone"]', phone)

    /* The holder, on another device, opens the link from the text message. */
    const holder = await browserContext.browser()!.newContext({ locale: 'zh-CN' })
    const holderPage = await holder.newPage()
    await holderPage.goto(new URL('/dev/outbox', page.url()).toString())
    await holderPage.getByTestId('outbox-link').first().click()
    await holderPage.locator('#field-password').fill('nanhu office 2026')
    await holderPage.getByLabel('再次输入密码').fill('nanhu office 2026')
    await holderPage.getByRole('button', { name: '设置密码并登录' }).click()
    await holderPage.waitForURL('**/manage')
    await holderPage.getByText('周立新，您好').waitFor()

    /* The link works once. */
    await holderPage.goBack()
    await holderPage.reload()
    await holderPage.getByTestId('link-invalid').waitFor()
    await holder.close()
  })
})
