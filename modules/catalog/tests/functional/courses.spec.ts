import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import db from '@adonisjs/lucid/services/db'
import { createTestAccount } from '#testing/identity'
import { fieldErrors, flatForm } from '#tests/helpers/http'
import { countyWithoutPlugin } from '#tests/helpers/province_without_plugin'
import { courseDraft, courseForm } from '../../testing.js'
import { count, courseOnSale, withPhoto, world } from './helpers.js'

const violationsOf = (response: any): { rule: string; authority: any; message: any; fix: any }[] =>
  response.flashMessage('violations') ?? []

test.group('Courses: the institution terminal', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an institution creates a course; it is saved as a draft with its classes counted', async ({
    client,
    assert,
  }) => {
    const w = await world()
    const draft = courseDraft({ teacherIds: [w.teacher.id], pricePerClassFen: 128_50 })
    const response = await client
      .post(urlFor('courses.store'))
      .loginAs(w.owner.user)
      .form(flatForm(courseForm(draft)))
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    const course = await db.from('courses').where('institution_id', w.institution.id).firstOrFail()
    assert.equal(response.header('location'), `/institution/courses/${course.id}`)
    assert.include(course, {
      status: 'draft',
      price_per_class_fen: 12850,
      class_count: 12,
      minutes_per_class: 60,
      version: 1,
      institution_id: w.institution.id,
    })
    assert.deepEqual(course.stages, ['primary'])
    const page = await client.get(urlFor('courses.show', { id: course.id })).loginAs(w.owner.user)
    page.assertTextIncludes('¥128.50')
    page.assertTextIncludes('¥1,542.00')
  })

  test('bad input gets a clear message per field and writes nothing', async ({
    client,
    assert,
  }) => {
    const w = await world()
    const post = (changes: Record<string, any>) =>
      client
        .post(urlFor('courses.store'))
        .header('referer', '/institution/courses/create')
        .loginAs(w.owner.user)
        .form(flatForm({ ...courseForm(courseDraft({ teacherIds: [w.teacher.id] })), ...changes }))
        .withCsrfToken()
        .redirects(0)

    assert.include(
      fieldErrors(await post({ pricePerClass: '-5' }), 'pricePerClass'),
      '每课时价格（元）不能小于 0'
    )
    assert.include(
      fieldErrors(await post({ pricePerClass: '12.345' }), 'pricePerClass'),
      '每课时价格（元）最多保留两位小数'
    )
    assert.include(
      fieldErrors(await post({ minutesPerClass: '0' }), 'minutesPerClass'),
      '每课时时长（分钟）不能小于 1'
    )
    const draft = courseDraft()
    assert.include(
      fieldErrors(await post({ startDate: draft.endDate, endDate: draft.startDate }), 'endDate'),
      '结课日期不能早于开课日期'
    )
    assert.include(fieldErrors(await post({ slots: [] }), 'slots'), '每周上课时间至少需要 1 项')
    assert.include(
      fieldErrors(await post({ slots: [{ weekday: '6', start: '25:00' }] }), 'slots.0.start'),
      '开始时间格式不正确'
    )

    const overlapping = await post({
      slots: [
        { weekday: '6', start: '09:00' },
        { weekday: '6', start: '09:30' },
      ],
    })
    const found = violationsOf(overlapping)
    assert.deepEqual(
      found.map((v) => v.rule),
      ['national.schedule_overlap']
    )
    assert.include(found[0]!.message['zh-CN'], '重叠')
    assert.include(overlapping.flashMessage('error'), '不符合 1 项规定')
    /* What was typed comes back with the form. */
    assert.equal(overlapping.flashMessage('name'), '少儿美术启蒙班')

    assert.equal(await count('courses', { institution_id: w.institution.id }), 0)
  })

  test('a Jilin online course that breaks Jilin’s rules is refused with rule, authority and fix; fixed, it saves', async ({
    client,
    assert,
  }) => {
    const w = await world({ delivery: 'online', categories: ['academic'] })
    await withPhoto(w.teacher.id, w.institution.id)
    const draft = courseDraft({
      name: '小学英语阅读（直播）',
      kind: 'academic',
      subject: 'english',
      category: null,
      grades: ['p4'],
      delivery: 'online',
      live: true,
      venue: null,
      teacherIds: [w.teacher.id],
      minutesPerClass: 45,
      slots: [
        { weekday: 2, start: '19:00' },
        { weekday: 4, start: '19:00' },
      ],
      pricePerClassFen: 18_00,
      classesPerCharge: 20,
    })
    const refused = await client
      .post(urlFor('courses.store'))
      .header('referer', '/institution/courses/create')
      .loginAs(w.owner.user)
      .form(flatForm(courseForm(draft)))
      .withCsrfToken()
      .redirects(0)
    const violation = violationsOf(refused)[0]!
    assert.equal(violation.rule, 'jilin.class_minutes')
    assert.include(violation.authority['zh-CN'], '吉教联〔2019〕75号')
    assert.include(violation.fix['zh-CN'], '40 分钟')
    assert.equal(await count('courses', { institution_id: w.institution.id }), 0)

    /* Back on the form: the rule, its authority and the fix, with what was typed. */
    const form = await client
      .post(urlFor('courses.store'))
      .header('referer', '/institution/courses/create')
      .loginAs(w.owner.user)
      .form(flatForm(courseForm(draft)))
      .withCsrfToken()
    form.assertStatus(200)
    form.assertTextIncludes('每节课 45 分钟，超过 40 分钟')
    form.assertTextIncludes('吉教联〔2019〕75号')
    form.assertTextIncludes('把每节课时长改为不超过 40 分钟')
    form.assertTextIncludes('value="小学英语阅读（直播）"')

    const saved = await client
      .post(urlFor('courses.store'))
      .loginAs(w.owner.user)
      .form(flatForm(courseForm({ ...draft, minutesPerClass: 40 })))
      .withCsrfToken()
      .redirects(0)
    assert.deepEqual(violationsOf(saved), [])
    assert.equal(await count('courses', { institution_id: w.institution.id }), 1)
  })

  test('the same 45-minute online course in a province without a plugin is saved', async ({
    client,
    assert,
  }) => {
    const w = await world({
      regionCode: countyWithoutPlugin(),
      delivery: 'online',
      categories: ['academic'],
    })
    const draft = courseDraft({
      kind: 'academic',
      subject: 'english',
      category: null,
      grades: ['p4'],
      delivery: 'online',
      live: true,
      venue: null,
      teacherIds: [w.teacher.id],
      minutesPerClass: 45,
      slots: [{ weekday: 2, start: '19:00' }],
      pricePerClassFen: 18_00,
    })
    const saved = await client
      .post(urlFor('courses.store'))
      .loginAs(w.owner.user)
      .form(flatForm(courseForm(draft)))
      .withCsrfToken()
      .redirects(0)
    assert.deepEqual(violationsOf(saved), [])
    assert.equal(await count('courses', { institution_id: w.institution.id }), 1)
  })

  test('non-academic courses go on sale at once, academic ones wait for the bureau', async ({
    client,
    assert,
  }) => {
    const w = await world()
    const arts = await courseOnSale(w)
    await db.from('courses').where('id', arts.id).update({ status: 'draft' })
    const listed = await client
      .post(urlFor('courses.submit', { id: arts.id }))
      .loginAs(w.owner.user)
      .withCsrfToken()
      .redirects(0)
    listed.assertFlashMessage('success', '课程已上架销售。')
    assert.equal((await db.from('courses').where('id', arts.id).firstOrFail()).status, 'on_sale')

    const maths = await courseOnSale(w, {
      kind: 'academic',
      subject: 'maths',
      category: null,
      name: '初中数学',
      grades: ['j1'],
    })
    await db.from('courses').where('id', maths.id).update({ status: 'draft' })
    await client
      .post(urlFor('courses.submit', { id: maths.id }))
      .loginAs(w.owner.user)
      .withCsrfToken()
    assert.equal((await db.from('courses').where('id', maths.id).firstOrFail()).status, 'pending')
    const history = await db.from('course_decisions').where('course_id', maths.id)
    assert.deepEqual(
      history.map((h) => h.action),
      ['submitted']
    )
  })

  test('only a white-listed institution can put a course on sale', async ({ client, assert }) => {
    const w = await world()
    const course = await courseOnSale(w)
    await db.from('courses').where('id', course.id).update({ status: 'draft' })
    await db.from('institutions').where('id', w.institution.id).update({ list_status: 'grey' })
    const refused = await client
      .post(urlFor('courses.submit', { id: course.id }))
      .header('referer', `/institution/courses/${course.id}`)
      .loginAs(w.owner.user)
      .withCsrfToken()
      .redirects(0)
    refused.assertFlashMessage('error', '只有列入白名单的机构才能上架销售课程。')
    assert.equal((await db.from('courses').where('id', course.id).firstOrFail()).status, 'draft')
  })

  test('editing a course on sale takes it off sale and bumps its version', async ({
    client,
    assert,
  }) => {
    const w = await world()
    const course = await courseOnSale(w)
    const draft = courseDraft({ teacherIds: [w.teacher.id], pricePerClassFen: 150_00 })
    await client
      .post(urlFor('courses.update', { id: course.id }))
      .loginAs(w.owner.user)
      .form(flatForm(courseForm(draft)))
      .withCsrfToken()
    const row = await db.from('courses').where('id', course.id).firstOrFail()
    assert.include(row, { status: 'draft', version: 2, price_per_class_fen: 15000 })
  })

  test('another institution’s course does not exist for this account', async ({ client }) => {
    const mine = await world()
    const theirs = await world()
    const course = await courseOnSale(theirs)
    const response = await client
      .get(urlFor('courses.show', { id: course.id }))
      .loginAs(mine.owner.user)
    response.assertStatus(404)
    const edit = await client
      .post(urlFor('courses.update', { id: course.id }))
      .loginAs(mine.owner.user)
      .form(flatForm(courseForm(courseDraft({ teacherIds: [mine.teacher.id] }))))
      .withCsrfToken()
    edit.assertStatus(404)
  })

  test('a teacher who left or failed the admission check cannot teach a course', async ({
    client,
    assert,
  }) => {
    const w = await world()
    await db.from('staff').where('id', w.teacher.id).update({ status: 'left' })
    const refused = await client
      .post(urlFor('courses.store'))
      .header('referer', '/x')
      .loginAs(w.owner.user)
      .form(flatForm(courseForm(courseDraft({ teacherIds: [w.teacher.id] }))))
      .withCsrfToken()
      .redirects(0)
    assert.deepEqual(
      violationsOf(refused).map((v) => v.rule),
      ['national.teacher_not_admitted']
    )
    const strangers = await client
      .post(urlFor('courses.store'))
      .header('referer', '/x')
      .loginAs(w.owner.user)
      .form(flatForm(courseForm(courseDraft({ teacherIds: [999999] }))))
      .withCsrfToken()
      .redirects(0)
    assert.include(
      violationsOf(strangers).map((v) => v.rule),
      'national.teacher_unknown'
    )
  })

  test('an owner who has not filed yet is pointed to the filing', async ({ client }) => {
    const owner = await createTestAccount({ role: 'institution_owner', regionCode: '220104' })
    const courses = await client.get(urlFor('courses.index')).loginAs(owner.user)
    courses.assertStatus(200)
    courses.assertTextIncludes('机构备案通过审核后才能开设课程。')
    courses.assertTextIncludes('/institution/filing')
    const contracts = await client.get(urlFor('institution_contracts.index')).loginAs(owner.user)
    contracts.assertStatus(200)
    contracts.assertTextIncludes('还没有合同。')
    ;(await client.get(urlFor('courses.create')).loginAs(owner.user)).assertStatus(404)
  })
})
