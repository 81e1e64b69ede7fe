import { test } from '@japa/runner'
import { signIn } from '#tests/helpers/browser'
import { truncateAll } from '#tests/helpers/database'
import { createTestAccount } from '#testing/identity'
import { publishedList } from '../functional/choices_world.js'

test.group('Browser: a school operator chooses an after-school provider', (group) => {
  group.each.setup(() => truncateAll())
  /* Browser tests commit; leave nothing behind for the suites that run after. */
  group.each.teardown(() => truncateAll())

  test('from the published list to a weekly slot, compared on the way', async ({ visit }) => {
    const w = await publishedList()
    const operator = await createTestAccount({
      role: 'school_operator',
      regionCode: '220104',
      orgType: 'school',
      orgId: w.school.id,
      displayName: '吴老师',
    })
    const page = await visit('/login')
    await signIn(page, page.url(), operator)
    await page.goto(new URL('/school/afterschool', page.url()).toString())
    await page.getByRole('link', { name: w.call.title }).click()
    await page.assertPath(`/school/afterschool/calls/${w.call.id}`)
    await page.assertTextContains(`[data-testid="entry-${w.first.entry}"]`, '持教师资格证')
    await page.getByTestId(`choose-${w.first.entry}-0`).click()
    await page.getByLabel('星期').selectOption('3')
    await page.getByLabel('开始时间').fill('15:40')
    await page.getByLabel('结束时间').fill('17:10')
    await page.getByLabel('三年级').check()
    await page.getByLabel('人数').fill('24')
    await page.getByTestId('confirm-choice').click()
    await page.assertPath('/school/afterschool')
    await page.assertTextContains('body', '已选择“少儿国画”。')
    await page.assertTextContains('[data-testid="choices"]', '星期三 15:40–17:10')
    await page.assertTextContains('[data-testid="unsigned"]', w.first.name)
  })
})
