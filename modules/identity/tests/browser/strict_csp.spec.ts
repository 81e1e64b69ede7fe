import { test } from '@japa/runner'
import type { Page } from 'playwright'
import { truncateAll } from '#tests/helpers/database'
import { createTestAccount } from '../../testing.js'

/* Collects what the browser reports when a script is blocked or Alpine fails to read an attribute. */
function watchForScriptErrors(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || /Alpine|CSP|Content Security Policy/i.test(message.text()))
      problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  return problems
}

test.group('Browser: Alpine under a CSP without unsafe-eval', (group) => {
  group.each.setup(() => truncateAll())
  group.each.teardown(() => truncateAll())

  test('the CSP has no unsafe-eval and the complaint form still switches targets', async ({
    visit,
    assert,
  }) => {
    const page = await visit('/complaints/new')
    const problems = watchForScriptErrors(page)
    const csp = (await page.context().request.get(page.url())).headers()['content-security-policy']
    assert.notInclude(csp, 'unsafe-eval')

    await page.assertVisible('#institution-q')
    await page.assertNotVisible('#field-targetName')
    await page.locator('#field-targetType').selectOption('school')
    await page.assertVisible('#field-targetName')
    await page.assertNotVisible('#institution-q')
    await page.locator('#field-targetType').selectOption('institution')
    await page.assertVisible('#institution-q')
    assert.deepEqual(problems, [])
  })

  test('the new-account form offers only the regions of the chosen kind, and the phone menu opens', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const province = await createTestAccount({
      role: 'admin',
      adminLevel: 'province',
      regionCode: '220000',
    })
    await browserContext.loginAs(province.user)
    const page = await visit('/manage/accounts/create')
    const problems = watchForScriptErrors(page)
    const kinds = await page
      .locator('#field-kind option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))
    assert.isAbove(kinds.length, 1)
    const offered = async () =>
      page
        .locator('#field-regionCode option[data-group]')
        .evaluateAll((options) =>
          options
            .filter((o) => !(o as HTMLOptionElement).hidden)
            .map((o) => (o as HTMLOptionElement).dataset.group)
        )
    for (const kind of [kinds[1]!, kinds[0]!]) {
      await page.locator('#field-kind').selectOption(kind)
      const groups = await offered()
      assert.isNotEmpty(groups)
      assert.deepEqual([...new Set(groups)], [kind])
    }

    await page.setViewportSize({ width: 375, height: 740 })
    await page.assertNotVisible('#site-nav')
    await page.getByRole('button', { name: '菜单' }).click()
    await page.assertVisible('#site-nav')
    assert.deepEqual(problems, [])
  })
})
