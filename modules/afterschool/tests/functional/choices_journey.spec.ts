import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { test } from '@japa/runner'
import { creditGrades } from '#modules/credit'
import { agreementForm, countRows, day, publishedList, slot } from './choices_world.js'

/*
| Issue 17, items 5 and 6 through the routes: a school operator sees the
| published list naming its school, compares the entries, chooses a
| project into a slot, records the agreement, rates the provider at term
| end — and the rating reaches the institution's credit score (through
| `afterschool:provider_rated` and credit's own copy) as a factor; the
| county sees every school's choices and the totals.
*/
test.group('After-school choices: choose → agreement → evaluation → credit', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a school chooses, signs, rates; the rating moves the credit score with its factor', async ({
    assert,
    client,
  }) => {
    const w = await publishedList()
    const desk = await client.get('/school/afterschool').loginAs(w.operator)
    desk.assertStatus(200)
    assert.include(desk.text(), w.call.title)
    assert.include(desk.text(), '长春市朝阳区选择小学')

    const list = await client.get(`/school/afterschool/calls/${w.call.id}`).loginAs(w.operator)
    list.assertStatus(200)
    for (const text of [
      '第 1 名',
      '少儿国画',
      '童声合唱',
      '¥60.00 / 课时',
      '李老师',
      '持教师资格证',
      '暂无家长评价',
    ])
      assert.include(list.text(), text)
    assert.include(list.text(), `data-testid="choose-${w.first.entry}-0"`)

    const form = await client
      .get(`/school/afterschool/entries/${w.first.entry}/choose?offer=0`)
      .loginAs(w.operator)
    form.assertStatus(200)
    assert.include(form.text(), 'data-testid="choice-form"')

    const chosen = await client
      .post(`/school/afterschool/entries/${w.first.entry}/choose`)
      .loginAs(w.operator)
      .withCsrfToken()
      .form(slot())
      .redirects(0)
    chosen.assertStatus(302)
    chosen.assertFlashMessage('success', '已选择“少儿国画”。')
    const choice = await db
      .from('afterschool_choices')
      .where('school_id', w.school.id)
      .firstOrFail()
    assert.deepInclude(choice, {
      call_id: w.call.id,
      weekday: 2,
      starts_at: '15:30',
      ends_at: '17:00',
      capacity: 20,
      status: 'chosen',
      offer_name: '少儿国画',
    })
    assert.deepEqual(choice.grades, ['p3'])

    const signed = await client
      .post(`/school/afterschool/entries/${w.first.entry}/agreement`)
      .loginAs(w.operator)
      .withCsrfToken()
      .form(agreementForm())
      .redirects(0)
    signed.assertStatus(302)
    signed.assertFlashMessage('success', '已登记服务协议 朝课服协〔2027〕01 号。')
    const agreement = await db.from('afterschool_agreements').firstOrFail()
    assert.equal(agreement.price_per_class_fen, 6000, 'the listed price, copied')
    const again = await client
      .post(`/school/afterschool/entries/${w.first.entry}/agreement`)
      .loginAs(w.operator)
      .withCsrfToken()
      .form(agreementForm({ number: '第二份' }))
    assert.include(again.text(), '该机构本学期的服务协议已登记')
    /* Neither a term inside the signed one nor a "term" of a few days: a school rates once a real term. */
    const inside = await client
      .post(`/school/afterschool/entries/${w.first.entry}/agreement`)
      .loginAs(w.operator)
      .withCsrfToken()
      .form(agreementForm({ number: '第三份', termStartsOn: day(-60), termEndsOn: day(-20) }))
    assert.include(inside.text(), '与本校同一机构已有协议的服务期重叠')
    const short = await client
      .post(`/school/afterschool/entries/${w.first.entry}/agreement`)
      .loginAs(w.operator)
      .withCsrfToken()
      .form(agreementForm({ number: '第四份', termStartsOn: day(30), termEndsOn: day(35) }))
    assert.include(short.text(), '服务学期至少 4 周')
    assert.equal(await countRows('afterschool_agreements'), 1)
    assert.equal(await countRows('afterschool_agreements'), 1)

    const before = (await creditGrades([w.first.id])).get(w.first.id)!
    const page = await client.get('/school/afterschool').loginAs(w.operator)
    assert.include(page.text(), `data-testid="rate-${agreement.id}"`)
    const rated = await client
      .post(`/school/afterschool/agreements/${agreement.id}/evaluation`)
      .loginAs(w.operator)
      .withCsrfToken()
      .form({
        quality: '2',
        safety: '3',
        punctuality: '2',
        comment: '课堂秩序较乱，教师多次迟到。',
      })
      .redirects(0)
    rated.assertStatus(302)
    rated.assertFlashMessage('success', '评价已提交，将计入机构信用。')
    const evaluation = await db.from('afterschool_evaluations').firstOrFail()
    assert.equal(evaluation.term, `${day(-120)}/${day(7)}`)

    /* The event reached credit: its own copy, a recompute, the factor on the public page. */
    const after = (await creditGrades([w.first.id])).get(w.first.id)!
    assert.equal(after.score, before.score - 15)
    const publicPage = await client.get(`/institutions/${w.first.id}/credit`)
    publicPage.assertStatus(200)
    assert.include(publicPage.text(), 'data-testid="factor-low_school_rating"')
    assert.include(publicPage.text(), '学校期末评价偏低 1 次，扣 15 分')

    const twice = await client
      .post(`/school/afterschool/agreements/${agreement.id}/evaluation`)
      .loginAs(w.operator)
      .withCsrfToken()
      .form({ quality: '5', safety: '5', punctuality: '5' })
    assert.include(twice.text(), '本学期已评价过该机构')
    assert.equal(await countRows('afterschool_evaluations'), 1)
    assert.equal((await creditGrades([w.first.id])).get(w.first.id)!.score, after.score)
  })

  test('a good rating deducts nothing; rating waits for the term end', async ({
    assert,
    client,
  }) => {
    const w = await publishedList()
    await client
      .post(`/school/afterschool/entries/${w.second.entry}/choose`)
      .loginAs(w.operator)
      .withCsrfToken()
      .form(slot({ weekday: '4' }))
    await client
      .post(`/school/afterschool/entries/${w.second.entry}/agreement`)
      .loginAs(w.operator)
      .withCsrfToken()
      .form(agreementForm({ termStartsOn: day(-10), termEndsOn: day(60) }))
    const agreement = await db.from('afterschool_agreements').firstOrFail()
    assert.equal(agreement.price_per_class_fen, 5550)
    const early = await client
      .post(`/school/afterschool/agreements/${agreement.id}/evaluation`)
      .loginAs(w.operator)
      .withCsrfToken()
      .form({ quality: '5', safety: '5', punctuality: '4' })
    assert.include(early.text(), '学期结束前两周起才能评价')
    assert.equal(await countRows('afterschool_evaluations'), 0)

    await db
      .from('afterschool_agreements')
      .where('id', agreement.id)
      .update({ term_ends_on: day(3) })
    const before = (await creditGrades([w.second.id])).get(w.second.id)!
    ;(
      await client
        .post(`/school/afterschool/agreements/${agreement.id}/evaluation`)
        .loginAs(w.operator)
        .withCsrfToken()
        .form({ quality: '5', safety: '5', punctuality: '4' })
        .redirects(0)
    ).assertStatus(302)
    assert.equal((await creditGrades([w.second.id])).get(w.second.id)!.score, before.score)
    const publicPage = await client.get(`/institutions/${w.second.id}/credit`)
    assert.notInclude(publicPage.text(), 'factor-low_school_rating')
  })

  test("the county sees every school's choices and the totals; outside its region, 404", async ({
    assert,
    client,
  }) => {
    const w = await publishedList()
    const choose = (operator: typeof w.operator, entry: number, form = slot()) =>
      client
        .post(`/school/afterschool/entries/${entry}/choose`)
        .loginAs(operator)
        .withCsrfToken()
        .form(form)
        .redirects(0)
    ;(await choose(w.operator, w.first.entry)).assertStatus(302)
    ;(
      await choose(w.operator, w.second.entry, slot({ 'capacity': '25', 'grades[]': ['p3', 'p4'] }))
    ).assertStatus(302)
    ;(
      await choose(w.neighbourOperator, w.first.entry, slot({ weekday: '5', capacity: '18' }))
    ).assertStatus(302)
    /* An ended choice is not counted. */
    ;(
      await choose(w.neighbourOperator, w.second.entry, slot({ weekday: '1', capacity: '10' }))
    ).assertStatus(302)
    const ended = await db
      .from('afterschool_choices')
      .where({ school_id: w.neighbour.id, weekday: 1 })
      .firstOrFail()
    /* Not without the tick: the slot stays taken. */
    const unticked = await client
      .post(`/school/afterschool/choices/${ended.id}/end`)
      .loginAs(w.neighbourOperator)
      .withCsrfToken()
      .redirects(0)
    assert.include(JSON.stringify(unticked.flashMessages()), '请勾选确认后再结束')
    assert.equal(
      (await db.from('afterschool_choices').where('id', ended.id).first()).status,
      'chosen'
    )
    ;(
      await client
        .post(`/school/afterschool/choices/${ended.id}/end`)
        .loginAs(w.neighbourOperator)
        .withCsrfToken()
        .form({ confirmed: 'yes' })
        .redirects(0)
    ).assertStatus(302)

    const show = await client.get(`/manage/afterschool/calls/${w.call.id}`).loginAs(w.county)
    assert.include(show.text(), `/manage/afterschool/calls/${w.call.id}/choices`)
    const page = await client
      .get(`/manage/afterschool/calls/${w.call.id}/choices`)
      .loginAs(w.county)
    page.assertStatus(200)
    assert.include(page.text(), '已选择学校 2 所 · 选用机构 2 家 · 每周时段 3 个 · 学位 63 个')
    assert.include(page.text(), '长春市朝阳区邻校小学')
    assert.include(page.text(), '长春市墨韵美术培训学校 · 少儿国画 · 星期五 15:30–17:00 · 18')
    ;(
      await client.get(`/manage/afterschool/calls/${w.call.id}/choices`).loginAs(w.otherCounty)
    ).assertStatus(404)
    ;(
      await client.get(`/manage/afterschool/calls/${w.call.id}/choices`).loginAs(w.operator)
    ).assertStatus(403)
    ;(await client.get('/school/afterschool').loginAs(w.county)).assertStatus(403)
  })
})
