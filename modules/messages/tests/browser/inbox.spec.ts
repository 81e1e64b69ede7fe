import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { truncateAll } from '#tests/helpers/database'
import { createTestAccount } from '#testing/identity'
import { queueText } from '../../services/queue_text.js'

const complaintStep = (userId: number, n: number) =>
  queueText({
    kind: 'complaint_update',
    to: { userId },
    params: { number: `TS2027030100000${n}`, what: '已有机构答复' },
    key: `browser:complaint:${n}`,
    link: '/parent/orders',
  })

test.group('Browser: the message centre, as a parent and as a county bureau', (group) => {
  group.each.setup(() => truncateAll())
  group.each.teardown(() => truncateAll())

  test('a parent sees the unread count, opens a message, and turns complaint texts off', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const parent = await createTestAccount({ role: 'parent' })
    await complaintStep(parent.id, 1)
    await complaintStep(parent.id, 2)
    await browserContext.loginAs(parent.user)

    const page = await visit('/parent')
    await page.assertTextContains('[data-testid="unread-badge"]', '2')
    await page.getByTestId('inbox-link').click()
    await page.assertPath('/messages')
    await page.assertTextContains('[data-testid="inbox"]', 'TS20270301000002')
    await page.assertTextContains('[data-testid="inbox"]', '已有机构答复')
    await page.locator('[data-kind="complaint_update"]').first().getByRole('button').click()
    await page.assertPath('/parent/orders')
    await page.assertTextContains('[data-testid="unread-badge"]', '1')

    await page.getByTestId('inbox-link').click()
    await page.getByTestId('text-settings').click()
    await page.assertPath('/messages/preferences')
    /* Money and refund texts cannot be turned off; complaint progress can. */
    assert.isTrue(await page.locator('[data-kind="refund_update"] input').isDisabled())
    await page.locator('[data-kind="complaint_update"] input').uncheck()
    await page.getByRole('button', { name: '保存' }).click()
    await page.assertTextContains('body', '短信设置已保存')

    await complaintStep(parent.id, 3)
    const texts = await db.from('message_deliveries').where('recipient_user_id', parent.id)
    assert.lengthOf(texts, 2, 'the third step reached the inbox only')
    const reloaded = await visit('/messages')
    await reloaded.assertTextContains('[data-testid="inbox"]', 'TS20270301000003')
    await reloaded.getByTestId('read-all').click()
    await reloaded.assertTextContains('body', '已将 2 条消息标为已读')
    await reloaded.assertNotExists('[data-testid="unread-badge"]')
  })

  test('a county bureau gets its deadline reminders in the same message centre', async ({
    visit,
    browserContext,
  }) => {
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    await queueText({
      kind: 'deadline_reminder',
      to: { userId: county.id },
      params: { what: '投诉 TS2027030100000009 待受理', due: '2027-03-10' },
      key: 'browser:deadline:9',
      link: '/manage/complaints',
    })
    await browserContext.loginAs(county.user)
    const page = await visit('/manage')
    await page.assertTextContains('[data-testid="unread-badge"]', '1')
    await page.getByTestId('inbox-link').click()
    await page.assertTextContains('[data-kind="deadline_reminder"]', '待办期限提醒')
    await page.assertTextContains('[data-kind="deadline_reminder"]', '期限 2027-03-10')
    await page.getByTestId('text-settings').click()
    await page.assertExists('[data-kind="deadline_reminder"] input:not([disabled])')
    await page.assertNotExists('[data-kind="class_recorded"]')
  })
})
