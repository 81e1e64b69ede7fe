import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { test } from '@japa/runner'
import { CurrentUserProvider } from '#modules/identity'
import { openRectificationCase } from '#modules/registry'
import { createTestAccount } from '#testing/identity'
import { inboxOf } from '#testing/messages'
import { createTestSchool } from '#testing/students'
import { agreementForm, countRows, day, publishedList, slot } from './choices_world.js'

/*
| What the school terminal refuses: bad slots (with the zh-CN message and
| nothing stored), another school's records (404), and an entry that
| dropped out of the live list — which the school is told to replace.
*/
test.group('After-school choices: refusals, other schools, the live list', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a bad slot is refused with a clear message and nothing is stored', async ({
    assert,
    client,
  }) => {
    const w = await publishedList()
    const junior = await createTestSchool({ regionCode: '220104', stages: ['junior'] })
    await db
      .from('afterschool_calls')
      .where('id', w.call.id)
      .update({ school_ids: [w.school.id, w.neighbour.id, junior.id] })
    const juniorOperator = (
      await createTestAccount({
        role: 'school_operator',
        regionCode: '220104',
        orgType: 'school',
        orgId: junior.id,
      })
    ).user
    const post = (form: Record<string, string | string[]>, who = w.operator) =>
      client
        .post(`/school/afterschool/entries/${w.first.entry}/choose`)
        .header('referer', `/school/afterschool/entries/${w.first.entry}/choose?offer=0`)
        .loginAs(who)
        .withCsrfToken()
        .form(form)
    const cases: [Record<string, string | string[]>, string][] = [
      [slot({ startsAt: '17:00', endsAt: '16:00' }), '结束时间须晚于开始时间'],
      [slot({ startsAt: '25:00' }), '开始时间格式不正确'],
      [slot({ weekday: '8' }), '星期必须在 1 到 7 之间'],
      [slot({ 'grades[]': ['p5'] }), '参加年级须在该项目适用年级和本校学段之内'],
      [slot({ capacity: '26' }), '人数不能超过该项目班额 25 人'],
      [slot({ capacity: '0' }), '人数必须在 1 到 60 之间'],
      [slot({ offerIndex: '3' }), '请选择名单中的项目'],
    ]
    for (const [form, message] of cases) assert.include((await post(form)).text(), message, message)
    /* A junior secondary school cannot put primary pupils in it. */
    assert.include(
      (await post(slot(), juniorOperator)).text(),
      '参加年级须在该项目适用年级和本校学段之内'
    )
    assert.equal(await countRows('afterschool_choices'), 0)

    /* An agreement only for a chosen project, with a sound term. */
    ;(await post(slot())).assertStatus(200)
    const agree = (form: Record<string, string>) =>
      client
        .post(`/school/afterschool/entries/${w.first.entry}/agreement`)
        .header('referer', `/school/afterschool/entries/${w.first.entry}/agreement`)
        .loginAs(w.operator)
        .withCsrfToken()
        .form(form)
    assert.include(
      (await agree(agreementForm({ termEndsOn: day(-130) }))).text(),
      '服务学期结束日期须晚于开始日期'
    )
    assert.include(
      (await agree(agreementForm({ signedOn: day(2) }))).text(),
      '签订日期不能晚于今天'
    )
    assert.include((await agree(agreementForm({ number: '' }))).text(), '请填写协议编号')
    assert.equal(await countRows('afterschool_agreements'), 0)
    /* A provider the school did not choose has no agreement form. */
    ;(
      await client
        .get(`/school/afterschool/entries/${w.second.entry}/agreement`)
        .loginAs(w.operator)
    ).assertStatus(404)
  })

  test("another school's list, choices and agreements do not exist for it", async ({
    assert,
    client,
  }) => {
    const w = await publishedList()
    await client
      .post(`/school/afterschool/entries/${w.first.entry}/choose`)
      .loginAs(w.operator)
      .withCsrfToken()
      .form(slot())
    await client
      .post(`/school/afterschool/entries/${w.first.entry}/agreement`)
      .loginAs(w.operator)
      .withCsrfToken()
      .form(agreementForm())
    const choice = await db.from('afterschool_choices').firstOrFail()
    const agreement = await db.from('afterschool_agreements').firstOrFail()

    /* A school the call does not name (and the neighbour, for the first school's records). */
    const outsider = await createTestSchool({ regionCode: '220104', name: '长春市朝阳区局外小学' })
    const stranger = (
      await createTestAccount({
        role: 'school_operator',
        regionCode: '220104',
        orgType: 'school',
        orgId: outsider.id,
      })
    ).user
    for (const path of [
      `/school/afterschool/calls/${w.call.id}`,
      `/school/afterschool/entries/${w.first.entry}/choose?offer=0`,
      `/school/afterschool/entries/${w.first.entry}/agreement`,
    ])
      (await client.get(path).loginAs(stranger)).assertStatus(404)
    ;(
      await client
        .post(`/school/afterschool/entries/${w.first.entry}/choose`)
        .loginAs(stranger)
        .withCsrfToken()
        .form(slot())
    ).assertStatus(404)
    const desk = await client.get('/school/afterschool').loginAs(stranger)
    assert.notInclude(desk.text(), w.call.title)

    for (const [method, path] of [
      ['get', `/school/afterschool/agreements/${agreement.id}/evaluation`],
      ['post', `/school/afterschool/agreements/${agreement.id}/evaluation`],
      ['post', `/school/afterschool/choices/${choice.id}/end`],
      ['get', `/school/afterschool/entries/${w.first.entry}/agreement`],
    ] as const) {
      const request = client[method](path).loginAs(w.neighbourOperator)
      const response = await (method === 'post'
        ? request.withCsrfToken().form({ quality: '1', safety: '1', punctuality: '1' })
        : request)
      response.assertStatus(404)
    }
    const neighbourDesk = await client.get('/school/afterschool').loginAs(w.neighbourOperator)
    assert.notInclude(neighbourDesk.text(), '朝课服协〔2027〕01 号')
    assert.equal(
      (await db.from('afterschool_choices').where('id', choice.id).first()).status,
      'chosen'
    )
    assert.equal(await countRows('afterschool_evaluations'), 0)
  })

  test('a dropped entry shows "choose again" with its failed checks and cannot be chosen', async ({
    assert,
    client,
  }) => {
    const w = await publishedList()
    ;(
      await client
        .post(`/school/afterschool/entries/${w.first.entry}/choose`)
        .loginAs(w.operator)
        .withCsrfToken()
        .form(slot())
        .redirects(0)
    ).assertStatus(302)
    /* A serious finding past its deadline black-lists it; the live list drops it at once. */
    const bureau = (await new CurrentUserProvider().findById(w.county.id))!.getOriginal()
    await openRectificationCase(bureau, {
      institutionId: w.first.id,
      item: 'fees',
      severity: 'serious',
      description: '收费未公示',
      deadline: day(-1),
      purpose: '日常检查',
    })
    const told = (await inboxOf(w.operator.id)).find((m) => m.params.what?.includes('移出'))
    assert.equal(told?.link, '/school/afterschool')

    const desk = await client.get('/school/afterschool').loginAs(w.operator)
    desk.assertStatus(200)
    assert.include(desk.text(), '此机构已移出名单，请重新选择')
    assert.include(desk.text(), 'data-testid="choose-again"')
    assert.include(desk.text(), '近两年无检查不合格、无未整改问题')
    assert.include(desk.text(), '未列入经营异常（灰名单）或严重失信（黑名单）')

    const list = await client.get(`/school/afterschool/calls/${w.call.id}`).loginAs(w.operator)
    assert.include(list.text(), `data-testid="entry-${w.first.entry}" data-dropped="yes"`)
    assert.notInclude(list.text(), `data-testid="choose-${w.first.entry}-0"`)
    const refused = await client
      .post(`/school/afterschool/entries/${w.first.entry}/choose`)
      .loginAs(w.operator)
      .withCsrfToken()
      .form(slot({ weekday: '3' }))
    assert.include(refused.text(), '此机构已移出名单，不能选择')
    const agreement = await client
      .post(`/school/afterschool/entries/${w.first.entry}/agreement`)
      .loginAs(w.operator)
      .withCsrfToken()
      .form(agreementForm())
    assert.include(agreement.text(), '此机构已移出名单，不能选择')
    assert.equal(await countRows('afterschool_choices'), 1)
    assert.equal(await countRows('afterschool_agreements'), 0)

    /* Choosing again: end the dropped one, choose the other provider for the slot. */
    const dropped = await db.from('afterschool_choices').firstOrFail()
    ;(
      await client
        .post(`/school/afterschool/choices/${dropped.id}/end`)
        .loginAs(w.operator)
        .withCsrfToken()
        .form({ confirmed: 'yes' })
        .redirects(0)
    ).assertStatus(302)
    ;(
      await client
        .post(`/school/afterschool/entries/${w.second.entry}/choose`)
        .loginAs(w.operator)
        .withCsrfToken()
        .form(slot())
        .redirects(0)
    ).assertStatus(302)
    const after = await client.get('/school/afterschool').loginAs(w.operator)
    assert.notInclude(after.text(), 'data-testid="choose-again"')
    assert.include(after.text(), '童声合唱')
    assert.deepEqual(
      (await db.from('afterschool_choices').orderBy('id')).map((c) => c.status),
      ['ended', 'chosen']
    )
  })
})
