import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import { DateTime } from 'luxon'
import { CurrentUserProvider } from '#modules/identity'
import { openRectificationCase } from '#modules/registry'
import { scoreInstitution } from '#testing/credit'
import { createTestAccount } from '#testing/identity'
import { inboxOf } from '#testing/messages'
import { createFiledInstitution, createStaffMember } from '#testing/registry'
import { createTestSchool } from '#testing/students'
import { fieldErrors } from '#tests/helpers/http'
import { recheckListed } from '../../calls/actions/recheck_listed.js'

/*
| Art. 21 end to end through the routes: a county calls for arts
| providers → two institutions apply (one outside its licence) → the
| platform compares them at once → the county publishes after the close →
| the compliant one is ranked and told → it is black-listed after a
| serious finding → it drops out of the live list and the county, the
| institution and the school are told.
*/
const beijing = () => DateTime.now().setZone('Asia/Shanghai')
const day = (n: number) => beijing().plus({ days: n }).toISODate()!

async function world() {
  const account = (input: Parameters<typeof createTestAccount>[0]) =>
    createTestAccount(input).then((a) => a.user)
  const school = await createTestSchool({ regionCode: '220104', name: '长春市朝阳区实验小学' })
  const county = await account({
    role: 'admin',
    adminLevel: 'county',
    regionCode: '220104',
    unitName: '朝阳区教育局',
  })
  const institution = async (categories: string[]) => {
    const i = await createFiledInstitution({ regionCode: '220104', categories })
    const teacher = await createStaffMember(i.id, '王老师')
    const owner = await account({
      role: 'institution_owner',
      regionCode: '220104',
      orgType: 'institution',
      orgId: i.id,
    })
    await scoreInstitution(i.id)
    return { ...i.serialize(), id: i.id, name: i.name, teacher, owner }
  }
  return {
    school,
    county,
    subunit: await account({ role: 'admin', adminLevel: 'subunit', regionCode: '220104' }),
    otherCounty: await account({ role: 'admin', adminLevel: 'county', regionCode: '220102' }),
    operator: await account({
      role: 'school_operator',
      regionCode: '220104',
      orgType: 'school',
      orgId: school.id,
    }),
    arts: await institution(['arts']),
    sports: await institution(['sports']),
    elsewhere: await (async () => {
      const i = await createFiledInstitution({ regionCode: '220102', categories: ['arts'] })
      return account({
        role: 'institution_owner',
        regionCode: '220102',
        orgType: 'institution',
        orgId: i.id,
      })
    })(),
  }
}

const callForm = (schoolId: number) => ({
  'title': '2027学年朝阳区小学课后服务美术项目征集',
  'schoolYear': '2027',
  'categories[]': ['arts'],
  'schoolIds[]': [String(schoolId)],
  'maxPriceYuan': '80',
  'opensOn': day(-1),
  'closesOn': day(10),
})

const offer = (teacherId: number, priceYuan = '60') => ({
  'offers[0][name]': '少儿国画',
  'offers[0][category]': 'arts',
  'offers[0][grades][]': ['p3', 'p4'],
  'offers[0][priceYuan]': priceYuan,
  'offers[0][classSize]': '25',
  'offers[0][teacherIds][]': [String(teacherId)],
})

/* The county opens the usual call through its form; the call as stored. */
async function openCall(client: ApiClient, w: Awaited<ReturnType<typeof world>>) {
  await client
    .post('/manage/afterschool/calls')
    .loginAs(w.county)
    .withCsrfToken()
    .form(callForm(w.school.id))
  return db.from('afterschool_calls').orderBy('id', 'desc').first()
}

const applicationOf = (callId: number, institutionId: number) =>
  db
    .from('afterschool_applications')
    .where({ call_id: callId, institution_id: institutionId })
    .first()

test.group('After-school list: call → apply → compare → publish → live list', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the compliant applicant is listed and ranked; black-listed, it drops out and everyone is told', async ({
    assert,
    client,
  }) => {
    const w = await world()
    const opened = await client
      .post('/manage/afterschool/calls')
      .loginAs(w.county)
      .withCsrfToken()
      .form(callForm(w.school.id))
      .redirects(0)
    opened.assertStatus(302)
    const call = await db.from('afterschool_calls').orderBy('id', 'desc').first()
    assert.equal(call.title, '2027学年朝阳区小学课后服务美术项目征集')
    assert.equal(call.max_price_per_class_fen, 8000)

    for (const who of [w.arts, w.sports])
      (
        await client
          .post(`/institution/afterschool/calls/${call.id}/application`)
          .loginAs(who.owner)
          .withCsrfToken()
          .form(offer(who.teacher.id))
          .redirects(0)
      ).assertStatus(302)
    const arts = await applicationOf(call.id, w.arts.id)
    const sports = await applicationOf(call.id, w.sports.id)
    assert.isTrue(arts.eligible, JSON.stringify(arts.checks))
    assert.isFalse(sports.eligible)
    assert.deepEqual(
      sports.checks.filter((c: any) => !c.pass).map((c: any) => c.key),
      ['within_licence']
    )

    const page = await client.get(`/manage/afterschool/calls/${call.id}`).loginAs(w.county)
    page.assertStatus(200)
    assert.include(page.text(), '项目在办学许可范围内')
    assert.include(page.text(), `data-testid="applicant-${w.sports.id}"`)

    /* Too early: the list is published after the close. */
    const early = await client
      .post(`/manage/afterschool/calls/${call.id}/publish`)
      .loginAs(w.county)
      .withCsrfToken()
      .form({ confirmed: 'yes' })
    assert.include(early.text(), '申报期尚未结束')
    await db
      .from('afterschool_calls')
      .where('id', call.id)
      .update({ closes_on: day(-1), opens_on: day(-5) })
    ;(
      await client
        .post(`/manage/afterschool/calls/${call.id}/publish`)
        .loginAs(w.subunit)
        .withCsrfToken()
        .form({ confirmed: 'yes' })
    ).assertStatus(403)
    ;(
      await client
        .post(`/manage/afterschool/calls/${call.id}/publish`)
        .loginAs(w.county)
        .withCsrfToken()
        .form({ confirmed: 'yes' })
        .redirects(0)
    ).assertStatus(302)
    const published = await applicationOf(call.id, w.arts.id)
    assert.equal(published.rank, 1)
    assert.include(['A', 'B', 'C'], published.rank_factors.grade)
    assert.isNull((await applicationOf(call.id, w.sports.id)).rank)
    const told = (await inboxOf(w.arts.owner.id)).filter((m) => m.kind === 'reminder')
    assert.lengthOf(told, 1)
    assert.include(told[0].params.what, '已列入')

    /* A serious finding past its deadline black-lists it: registry:list_changed, and the live list drops it. */
    const bureau = (await new CurrentUserProvider().findById(w.county.id))!.getOriginal()
    await openRectificationCase(bureau, {
      institutionId: w.arts.id,
      item: 'fees',
      severity: 'serious',
      description: '收费未公示',
      deadline: day(-1),
      purpose: '日常检查',
    })
    /* The list change's event re-checked it (through the outbox and the queue), at once. */
    const dropped = await applicationOf(call.id, w.arts.id)
    assert.isNotNull(dropped.dropped_at)
    assert.includeMembers(
      dropped.drop_checks.map((c: any) => c.key),
      ['clean_inspections', 'not_grey_black']
    )
    for (const userId of [w.arts.owner.id, w.county.id, w.operator.id]) {
      const inbox = (await inboxOf(userId)).filter(
        (m) => m.link?.includes(`afterschool`) && m.params.what?.includes('移出')
      )
      assert.lengthOf(inbox, 1, `told once: ${userId}`)
    }
    assert.include(
      (await inboxOf(w.operator.id)).find((m) => m.params.what?.includes('移出'))!.params.what,
      '请重新选择'
    )
    assert.deepEqual(await recheckListed([w.arts.id]), { checked: 0, dropped: 0 }, 'once')
    const own = await client.get(`/institution/afterschool/calls/${call.id}`).loginAs(w.arts.owner)
    assert.include(own.text(), 'data-testid="dropped"')
  })

  test('refused with a clear message and nothing stored: above the cap, after the close, outside the call', async ({
    assert,
    client,
  }) => {
    const w = await world()
    const call = await openCall(client, w)
    const above = await client
      .post(`/institution/afterschool/calls/${call.id}/application`)
      .loginAs(w.arts.owner)
      .withCsrfToken()
      .form(offer(w.arts.teacher.id, '120'))
    assert.include(above.text(), '每课时价格不得高于上限 80.00 元')
    assert.isNull(await applicationOf(call.id, w.arts.id))

    const strangers = await client
      .post(`/institution/afterschool/calls/${call.id}/application`)
      .loginAs(w.sports.owner)
      .withCsrfToken()
      .form(offer(w.arts.teacher.id))
    assert.include(strangers.text(), '授课教师须是本机构的教学人员')
    assert.isNull(await applicationOf(call.id, w.sports.id))

    await db
      .from('afterschool_calls')
      .where('id', call.id)
      .update({ closes_on: day(-1), opens_on: day(-5) })
    const late = await client
      .post(`/institution/afterschool/calls/${call.id}/application`)
      .loginAs(w.arts.owner)
      .withCsrfToken()
      .form(offer(w.arts.teacher.id))
    assert.include(late.text(), '不在申报期内')
    assert.isNull(await applicationOf(call.id, w.arts.id))

    /* A school outside the county cannot be named in a call. */
    const far = await createTestSchool({ regionCode: '220102' })
    const outside = await client
      .post('/manage/afterschool/calls')
      .loginAs(w.county)
      .withCsrfToken()
      .form(callForm(far.id))
    assert.include(outside.text(), '所选学校不在本地区学校名册中')
    assert.equal(Number((await db.from('afterschool_calls').count('* as n'))[0].n), 1)
  })

  test("another county's call does not exist: for its bureau and its institutions", async ({
    client,
  }) => {
    const w = await world()
    const call = await openCall(client, w)
    ;(await client.get(`/manage/afterschool/calls/${call.id}`).loginAs(w.otherCounty)).assertStatus(
      404
    )
    ;(
      await client.get(`/institution/afterschool/calls/${call.id}`).loginAs(w.elsewhere)
    ).assertStatus(404)
    ;(
      await client
        .post(`/institution/afterschool/calls/${call.id}/application`)
        .loginAs(w.elsewhere)
        .withCsrfToken()
        .form(offer(1))
    ).assertStatus(404)
    ;(await client.get('/manage/afterschool/calls/new').loginAs(w.subunit)).assertStatus(403)
  })

  test('the bureau decides after the close: an exclusion keeps its reason and the list leaves it out', async ({
    assert,
    client,
  }) => {
    const w = await world()
    const call = await openCall(client, w)
    await client
      .post(`/institution/afterschool/calls/${call.id}/application`)
      .loginAs(w.arts.owner)
      .withCsrfToken()
      .form(offer(w.arts.teacher.id))
    const applied = await applicationOf(call.id, w.arts.id)
    assert.isTrue(applied.eligible)
    const decide = (form: Record<string, string>) =>
      client
        .post(`/manage/afterschool/calls/${call.id}/applications/${applied.id}/decision`)
        .loginAs(w.county)
        .withCsrfToken()
        .form(form)
    const early = await decide({ decision: 'excluded', reason: '现场检查场地不安全' })
    assert.include(early.text(), '申报期结束后才能确认或排除')
    assert.isNull((await applicationOf(call.id, w.arts.id)).decision)

    await db
      .from('afterschool_calls')
      .where('id', call.id)
      .update({ closes_on: day(-1), opens_on: day(-5) })
    const noReason = await client
      .post(`/manage/afterschool/calls/${call.id}/applications/${applied.id}/decision`)
      .loginAs(w.county)
      .withCsrfToken()
      .form({ decision: 'excluded' })
      .redirects(0)
    assert.lengthOf(fieldErrors(noReason, 'reason'), 1)
    assert.isNull((await applicationOf(call.id, w.arts.id)).decision)
    await decide({ decision: 'excluded', reason: '现场检查场地不安全' })
    const excluded = await applicationOf(call.id, w.arts.id)
    assert.equal(excluded.decision, 'excluded')
    assert.equal(excluded.decision_reason, '现场检查场地不安全')
    /* Closed: the institution cannot apply again to wipe the decision. */
    const again = await client
      .post(`/institution/afterschool/calls/${call.id}/application`)
      .loginAs(w.arts.owner)
      .withCsrfToken()
      .form(offer(w.arts.teacher.id))
    assert.include(again.text(), '不在申报期内')
    assert.equal((await applicationOf(call.id, w.arts.id)).decision, 'excluded')
    /* The only applicant excluded: nothing to publish. */
    const publish = await client
      .post(`/manage/afterschool/calls/${call.id}/publish`)
      .loginAs(w.county)
      .withCsrfToken()
      .form({ confirmed: 'yes' })
    assert.include(publish.text(), '不能公布空名单')
    const own = await client.get(`/institution/afterschool/calls/${call.id}`).loginAs(w.arts.owner)
    assert.include(own.text(), '现场检查场地不安全')
  })

  test('a project for grades the schools do not teach, twice the same project, a call closed at birth: refused', async ({
    assert,
    client,
  }) => {
    const w = await world()
    const past = await client
      .post('/manage/afterschool/calls')
      .loginAs(w.county)
      .withCsrfToken()
      .form({ ...callForm(w.school.id), opensOn: day(-9), closesOn: day(-2) })
    assert.include(past.text(), '申报截止日期不能早于今天')
    const call = await openCall(client, w)
    const apply = (form: Record<string, string | string[]>) =>
      client
        .post(`/institution/afterschool/calls/${call.id}/application`)
        .loginAs(w.arts.owner)
        .withCsrfToken()
        .form(form)
    /* The school teaches primary grades only. */
    const junior = await apply({ ...offer(w.arts.teacher.id), 'offers[0][grades][]': ['j1'] })
    assert.include(junior.text(), '适用年级无效')
    const twice = await apply({
      ...offer(w.arts.teacher.id),
      'offers[1][name]': '少儿国画',
      'offers[1][category]': 'arts',
      'offers[1][grades][]': ['p5'],
      'offers[1][priceYuan]': '50',
      'offers[1][classSize]': '20',
      'offers[1][teacherIds][]': [String(w.arts.teacher.id)],
    })
    assert.include(twice.text(), '项目名称不能重复')
    assert.isNull(await applicationOf(call.id, w.arts.id))
  })
})
