import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { drainOutbox } from '#kernel/shared/outbox_drain'
import { openRectificationCase } from '#modules/registry'
import { CurrentUserProvider } from '#modules/identity'
import { truncateAll } from '#tests/helpers/database'
import { signIn } from '#tests/helpers/browser'
import { createTestAccount } from '#testing/identity'
import { createFiledInstitution } from '#testing/registry'
import { fileTestComplaint } from '#testing/complaints'

const today = () => DateTime.now().setZone('Asia/Shanghai').toISODate()!

test.group('Browser: a credit grade a parent can read, with its reasons', (group) => {
  group.each.setup(() => truncateAll())
  /* Browser tests commit; leave nothing behind for the suites that run after. */
  group.each.teardown(() => truncateAll())

  test('a complaint, a penalty and an overdue rectification move the grade, and the public page says why', async ({
    visit,
    assert,
  }) => {
    const institution = await createFiledInstitution({
      regionCode: '220104',
      name: '长春启航艺术培训学校',
    })
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
      unitName: '长春市朝阳区教育局',
    })
    await drainOutbox()

    /* A parent's complaint about its service. */
    await fileTestComplaint({
      targetType: 'institution',
      institutionId: institution.id,
      targetName: institution.name,
      complaintType: 'service',
    })
    await drainOutbox()

    /* The county bureau records a fine from its decision document. */
    const page = await visit('/login')
    await signIn(page, page.url(), county)
    await page.goto(new URL('/manage/credit/penalties', page.url()).toString())
    await page.getByTestId('new-penalty').click()
    await page.getByLabel('机构编号').fill(String(institution.id))
    await page.getByLabel('处罚种类').selectOption('fine')
    await page.getByLabel('金额（元）').fill('30000')
    await page.getByLabel('处罚决定书文号').fill('朝教罚决字〔2026〕第 21 号')
    await page.getByLabel('决定日期').fill(today())
    await page
      .getByLabel('公示截止日期')
      .fill(DateTime.now().setZone('Asia/Shanghai').plus({ months: 6 }).toISODate()!)
    await page.getByLabel('违法事实').fill('超前收费，一次性收取超过 3 个月的培训费用。')
    await page.getByLabel('法律依据').fill('《校外培训行政处罚暂行办法》第十九条')
    await page.getByRole('button', { name: '保存处罚决定' }).click()
    await page.assertPath('/manage/credit/penalties')
    await page.assertTextContains('body', '朝教罚决字〔2026〕第 21 号')
    await drainOutbox()

    /* An inspection finding whose rectification deadline has passed (registry black-lists it). */
    const bureau = (await new CurrentUserProvider().findById(county.id))!.getOriginal()
    await openRectificationCase(bureau, {
      institutionId: institution.id,
      item: 'fees',
      severity: 'minor',
      description: '收费项目未按规定公示',
      deadline: DateTime.now().setZone('Asia/Shanghai').minus({ days: 2 }).toISODate()!,
      purpose: '日常检查',
    })
    await drainOutbox()

    /* Anyone: from the institution's public page to its credit report. */
    const visitor = await visit(`/institutions/${institution.id}`)
    await visitor.getByRole('link', { name: '信用信息与行政处罚' }).click()
    await visitor.assertPath(`/institutions/${institution.id}/credit`)
    await visitor.assertTextContains('[data-testid="credit-grade"]', 'E 级')
    /* 1000 − 40 (no course on the platform) − 5 − 80 − 5 − 30 − 200 (black list) */
    await visitor.assertTextContains('[data-testid="credit-points"]', '640 分')
    const factors = await visitor.getByTestId('credit-factors').innerText()
    assert.include(factors, '近 12 个月被投诉 1 次，扣 5 分')
    assert.include(factors, '受到罚款处罚 1 次，扣 80 分')
    assert.include(factors, '朝教罚决字〔2026〕第 21 号')
    assert.include(factors, '检查发现一般问题 1 项，扣 5 分')
    assert.include(factors, '整改逾期未完成 1 项，扣 30 分')
    assert.include(factors, '列入黑名单，扣 200 分')
    const published = await visitor.getByTestId('published-penalties').innerText()
    assert.include(published, '罚款')
    assert.include(published, '30,000.00')
    assert.include(published, '《校外培训行政处罚暂行办法》第十九条')
  })
})
