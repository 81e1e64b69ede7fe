import db from '@adonisjs/lucid/services/db'
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import type { Page } from 'playwright'
import { CurrentUserProvider } from '#modules/identity'
import { openRectificationCase } from '#modules/registry'
import { scoreInstitution } from '#testing/credit'
import { createTestAccount } from '#testing/identity'
import { inboxOf } from '#testing/messages'
import { createFiledInstitution, createStaffMember } from '#testing/registry'
import { createTestSchool } from '#testing/students'
import { signIn } from '#tests/helpers/browser'
import { truncateAll } from '#tests/helpers/database'
import { recheckListed } from '../../calls/actions/recheck_listed.js'

/*
| Issue 17's journey through the real pages: the county calls for arts
| providers → the institution applies and is compared at once → the county
| publishes after the close → the school chooses the project into a slot →
| the institution is black-listed and drops out → the school is told to
| choose again, on its page and in its inbox.
*/
const beijing = () => DateTime.now().setZone('Asia/Shanghai')
const day = (n: number) => beijing().plus({ days: n }).toISODate()!
const TITLE = '2027学年朝阳区小学课后服务美术项目征集'

async function world() {
  const school = await createTestSchool({ regionCode: '220104', name: '长春市朝阳区旅程小学' })
  const county = await createTestAccount({
    role: 'admin',
    adminLevel: 'county',
    regionCode: '220104',
    unitName: '朝阳区教育局',
  })
  const institution = await createFiledInstitution({
    regionCode: '220104',
    categories: ['arts'],
    name: '长春市墨韵美术培训学校',
  })
  const teacher = await createStaffMember(institution.id, '王老师')
  const owner = await createTestAccount({
    role: 'institution_owner',
    regionCode: '220104',
    orgType: 'institution',
    orgId: institution.id,
  })
  await scoreInstitution(institution.id)
  const operator = await createTestAccount({
    role: 'school_operator',
    regionCode: '220104',
    orgType: 'school',
    orgId: school.id,
    displayName: '吴老师',
  })
  return { school, county, institution, teacher, owner, operator }
}

const text = (page: Page, testId: string) => page.getByTestId(testId).innerText()

const entryOf = (institutionId: number) =>
  db.from('afterschool_applications').where('institution_id', institutionId).first()

test.group('Browser: the after-school list, from the call to a drop-out', (group) => {
  group.each.setup(() => truncateAll())
  /* Browser tests commit; leave nothing behind for the suites that run after. */
  group.each.teardown(() => truncateAll())

  test('call → apply → publish → choose → black-listed → the school chooses again', async ({
    assert,
    browserContext,
    visit,
  }) => {
    const w = await world()
    const at = (page: { url(): string }, path: string) => new URL(path, page.url()).toString()

    /* 1. The county bureau opens the call. */
    const bureau = await visit('/login')
    await signIn(bureau, bureau.url(), w.county)
    await bureau.goto(at(bureau, '/manage/afterschool/calls/new'))
    await bureau.getByLabel('征集名称').fill(TITLE)
    await bureau.getByLabel('学年（起始年份）').fill('2027')
    await bureau.getByLabel('文化艺术').check()
    await bureau.getByLabel(w.school.name).check()
    await bureau.getByLabel('每课时价格上限（元）').fill('80')
    await bureau.getByLabel('申报开始日期').fill(day(-1))
    await bureau.getByLabel('申报截止日期').fill(day(10))
    await bureau.getByRole('button', { name: '发起征集' }).click()
    await bureau.waitForURL(/\/manage\/afterschool\/calls\/\d+$/)
    const call = await db.from('afterschool_calls').where('title', TITLE).firstOrFail()
    await bureau.assertPath(`/manage/afterschool/calls/${call.id}`)
    await bureau.assertTextContains('body', `已发起征集“${TITLE}”。`)
    await bureau.assertTextContains('[data-testid="call-facts"]', '¥80.00')
    assert.equal(call.max_price_per_class_fen, 8000)
    assert.deepEqual(call.school_ids.map(Number), [w.school.id])

    /* 2. The institution applies and is compared at once. */
    /* Each party in its own browser, as in life. */
    const ownerContext = await browserContext.browser()!.newContext({ locale: 'zh-CN' })
    const institution = await ownerContext.newPage()
    await signIn(institution, bureau.url(), w.owner)
    await institution.goto(at(bureau, '/institution/afterschool'))
    await institution.getByRole('link', { name: TITLE }).click()
    await institution.waitForURL(`**/institution/afterschool/calls/${call.id}`)
    await institution.getByLabel('项目名称').fill('少儿国画')
    await institution.getByLabel('类别').selectOption('arts')
    await institution.getByLabel('三年级').check()
    await institution.getByLabel('每课时价格（元）').fill('60')
    await institution.getByLabel('班额（人）').fill('25')
    await institution.getByLabel('王老师').check()
    await institution.getByRole('button', { name: '提交申报' }).click()
    await institution.waitForURL(`**/institution/afterschool/calls/${call.id}`)
    await institution.getByTestId('application').waitFor()
    assert.equal(
      await institution.getByTestId('application').getByTestId('result').innerText(),
      '比对通过'
    )
    const applied = await entryOf(w.institution.id)
    assert.isTrue(applied.eligible, JSON.stringify(applied.checks))
    assert.deepEqual(applied.offers[0].grades, ['p3'])

    /* 3. The call closed yesterday: the list is published after the close. */
    await db
      .from('afterschool_calls')
      .where('id', call.id)
      .update({ opens_on: day(-5), closes_on: day(-1) })

    /* 4. The county publishes; the institution ranks first. */
    await bureau.reload()
    await bureau.getByTestId('publish-form').getByRole('checkbox').check()
    await bureau.getByRole('button', { name: '确认并公布名单' }).click()
    await bureau.assertTextContains('body', '名单已公布，共 1 家机构。')
    await bureau.assertTextContains(`[data-testid="applicant-${w.institution.id}"]`, '第 1 名')
    assert.equal((await entryOf(w.institution.id)).rank, 1)

    /* 5. The school operator chooses the project into a weekly slot. */
    const schoolContext = await browserContext.browser()!.newContext({ locale: 'zh-CN' })
    const school = await schoolContext.newPage()
    await signIn(school, bureau.url(), w.operator)
    await school.goto(at(bureau, '/school/afterschool'))
    await school.getByRole('link', { name: TITLE }).click()
    await school.waitForURL(`**/school/afterschool/calls/${call.id}`)
    assert.include(await text(school, `entry-${applied.id}`), '持教师资格证')
    await school.getByTestId(`choose-${applied.id}-0`).click()
    await school.getByLabel('星期').selectOption('3')
    await school.getByLabel('开始时间').fill('15:40')
    await school.getByLabel('结束时间').fill('17:10')
    await school.getByLabel('三年级').check()
    await school.getByLabel('人数').fill('24')
    await school.getByTestId('confirm-choice').click()
    await school.waitForURL((url) => url.pathname === '/school/afterschool')
    assert.include(await text(school, 'choices'), '星期三 15:40–17:10')
    assert.equal(await school.getByTestId('choose-again').count(), 0)

    /* 6. A serious finding past its deadline black-lists the institution. */
    const county = (await new CurrentUserProvider().findById(w.county.user.id))!.getOriginal()
    await openRectificationCase(county, {
      institutionId: w.institution.id,
      item: 'fees',
      severity: 'serious',
      description: '收费未公示',
      deadline: day(-1),
      purpose: '日常检查',
    })
    /* The list change re-checks it through the outbox and the queue: give it a moment, then run it here. */
    const deadline = Date.now() + 3000
    while (!(await entryOf(w.institution.id)).dropped_at && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 200))
    if (!(await entryOf(w.institution.id)).dropped_at) await recheckListed([w.institution.id])
    const dropped = await entryOf(w.institution.id)
    assert.isNotNull(dropped.dropped_at)
    assert.includeMembers(
      dropped.drop_checks.map((c: { key: string }) => c.key),
      ['not_grey_black']
    )

    /* 7. The school sees it must choose again, on its page and in its inbox. */
    await school.reload()
    assert.include(await text(school, 'choose-again'), '此机构已移出名单，请重新选择')
    assert.include(await text(school, 'choices'), '此机构已移出名单，请重新选择')
    const told = (await inboxOf(w.operator.user.id)).filter((m) =>
      m.params.what?.includes('请重新选择服务机构')
    )
    assert.lengthOf(told, 1)
    assert.include(told[0].params.what, TITLE)
    await school.goto(at(bureau, '/messages'))
    assert.include(await text(school, 'inbox'), '请重新选择服务机构')

    await ownerContext.close()
    await schoolContext.close()
  }).timeout(120_000)
})
