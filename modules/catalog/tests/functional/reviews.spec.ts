import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import db from '@adonisjs/lucid/services/db'
import { createTestAccount } from '#testing/identity'
import { fieldErrors, flatForm } from '#tests/helpers/http'
import { countyWithoutPlugin, provinceWithoutPlugin } from '#tests/helpers/province_without_plugin'
import { courseDraft, courseForm } from '../../testing.js'
import { courseOnSale, world } from './helpers.js'

const academic = {
  kind: 'academic' as const,
  subject: 'maths',
  category: null,
  name: '初中数学同步提升',
  grades: ['j1' as const],
}
const status = async (id: number) => (await db.from('courses').where('id', id).firstOrFail()).status

test.group('Courses: listing approval, take-down and region scope', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the county approves an academic course; it appears in public search and on its page', async ({
    client,
    assert,
  }) => {
    const w = await world()
    const course = await courseOnSale(w, academic)
    await db.from('courses').where('id', course.id).update({ status: 'pending' })
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
      unitName: '长春市朝阳区教育局',
    })

    const before = await client.get(urlFor('public_courses.search'))
    assert.notInclude(before.text(), '初中数学同步提升')
    const queue = await client
      .get(urlFor('course_reviews.index', {}, { qs: { status: 'pending' } }))
      .loginAs(county.user)
    queue.assertTextIncludes('初中数学同步提升')
    const review = await client
      .get(urlFor('course_reviews.show', { id: course.id }))
      .loginAs(county.user)
    review.assertTextIncludes('本课程没有不符合项')

    const approved = await client
      .post(urlFor('course_reviews.approve', { id: course.id }))
      .loginAs(county.user)
      .withCsrfToken()
      .redirects(0)
    approved.assertFlashMessage('success', '已审核通过，课程上架。')
    assert.equal(await status(course.id), 'on_sale')
    const history = await db.from('course_decisions').where('course_id', course.id)
    assert.deepEqual(
      history.map((h) => [h.action, h.actor_unit]),
      [['approved', '长春市朝阳区教育局']]
    )

    const search = await client.get(
      urlFor('public_courses.search', {}, { qs: { kind: 'academic', region_province: '220000' } })
    )
    search.assertTextIncludes('初中数学同步提升')
    const page = await client.get(urlFor('public_courses.show', { id: course.id }))
    page.assertStatus(200)
    page.assertTextIncludes(w.institution.name)
    page.assertTextIncludes('¥120.00')
  })

  test('bureaus above may look, but only the responsible county decides; other regions see nothing', async ({
    client,
  }) => {
    const w = await world()
    const course = await courseOnSale(w, academic)
    await db.from('courses').where('id', course.id).update({ status: 'pending' })
    const city = await createTestAccount({
      role: 'admin',
      adminLevel: 'city',
      regionCode: '220100',
    })
    const otherCounty = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220102',
    })
    const subunit = await createTestAccount({
      role: 'admin',
      adminLevel: 'subunit',
      regionCode: '220104',
    })

    ;(
      await client.get(urlFor('course_reviews.show', { id: course.id })).loginAs(city.user)
    ).assertStatus(200)
    ;(
      await client
        .post(urlFor('course_reviews.approve', { id: course.id }))
        .loginAs(city.user)
        .withCsrfToken()
    ).assertStatus(403)
    ;(
      await client
        .post(urlFor('course_reviews.approve', { id: course.id }))
        .loginAs(subunit.user)
        .withCsrfToken()
    ).assertStatus(403)
    ;(
      await client.get(urlFor('course_reviews.show', { id: course.id })).loginAs(otherCounty.user)
    ).assertStatus(404)
    ;(
      await client
        .post(urlFor('course_reviews.take_down', { id: course.id }))
        .loginAs(otherCounty.user)
        .form({ reason: '越权下架测试' })
        .withCsrfToken()
    ).assertStatus(404)
    const list = await client.get(urlFor('course_reviews.index')).loginAs(otherCounty.user)
    list.assertTextIncludes('没有符合条件的课程')
  })

  test('a rejection needs a reason, which the institution then reads', async ({
    client,
    assert,
  }) => {
    const w = await world()
    const course = await courseOnSale(w, academic)
    await db.from('courses').where('id', course.id).update({ status: 'pending' })
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const blank = await client
      .post(urlFor('course_reviews.reject', { id: course.id }))
      .header('referer', '/x')
      .loginAs(county.user)
      .form({ reason: ' ' })
      .withCsrfToken()
      .redirects(0)
    assert.include(fieldErrors(blank, 'reason'), '请填写理由')
    assert.equal(await status(course.id), 'pending')

    await client
      .post(urlFor('course_reviews.reject', { id: course.id }))
      .loginAs(county.user)
      .form({ reason: '教学进度超出七年级课程标准。' })
      .withCsrfToken()
    assert.equal(await status(course.id), 'rejected')
    const page = await client.get(urlFor('courses.show', { id: course.id })).loginAs(w.owner.user)
    page.assertTextIncludes('教学进度超出七年级课程标准。')
  })

  test('a course taken down leaves public search, and after changes goes back to the bureau', async ({
    client,
    assert,
  }) => {
    const w = await world()
    const course = await courseOnSale(w)
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    ;(await client.get(urlFor('public_courses.show', { id: course.id }))).assertStatus(200)

    await client
      .post(urlFor('course_reviews.take_down', { id: course.id }))
      .loginAs(county.user)
      .form({ reason: '宣传中承诺保证提分。' })
      .withCsrfToken()
    assert.equal(await status(course.id), 'taken_down')
    ;(await client.get(urlFor('public_courses.show', { id: course.id }))).assertStatus(404)
    assert.notInclude((await client.get(urlFor('public_courses.search'))).text(), course.name)

    /* A non-academic course would go straight on sale; after a take-down it is the bureau's call. */
    await client
      .post(urlFor('courses.update', { id: course.id }))
      .loginAs(w.owner.user)
      .form(
        flatForm(
          courseForm(
            courseDraft({
              teacherIds: [w.teacher.id],
              description: '删除了“保证提分”等宣传用语，如实介绍课程内容。',
            })
          )
        )
      )
      .withCsrfToken()
    assert.equal(await status(course.id), 'taken_down')
    await client
      .post(urlFor('courses.submit', { id: course.id }))
      .loginAs(w.owner.user)
      .withCsrfToken()
    assert.equal(await status(course.id), 'pending')
  })

  test('parents see only courses on sale from white-listed institutions that are still running', async ({
    client,
    assert,
  }) => {
    const white = await world()
    const grey = await world()
    const removed = await world()
    const visible = await courseOnSale(white, { name: '白名单机构的美术课' })
    await courseOnSale(grey, { name: '黄名单机构的美术课' })
    await courseOnSale(removed, { name: '已撤销机构的美术课' })
    await courseOnSale(white, {
      name: '已结课的美术课',
      startDate: '2025-01-04',
      endDate: '2025-03-29',
      slots: [{ weekday: 6, start: '09:00' }],
    })
    await db.from('institutions').where('id', grey.institution.id).update({ list_status: 'grey' })
    await db
      .from('institutions')
      .where('id', removed.institution.id)
      .update({ removed_at: new Date() })

    const search = (await client.get(urlFor('public_courses.search'))).text()
    assert.include(search, '白名单机构的美术课')
    for (const hidden of ['黄名单机构的美术课', '已撤销机构的美术课', '已结课的美术课'])
      assert.notInclude(search, hidden)
    const page = await client.get(urlFor('public_courses.show', { id: visible.id }))
    page.assertStatus(200)
  })

  test('search filters by region, category, stage, price and institution', async ({
    client,
    assert,
  }) => {
    const changchun = await world({ regionCode: '220104' })
    /* A province no installed plugin governs, so its course meets the national rules only. */
    const elsewhere = await world({
      regionCode: countyWithoutPlugin(),
      categories: ['sports', 'academic'],
    })
    await courseOnSale(changchun, { name: '长春美术课', pricePerClassFen: 80_00 })
    await courseOnSale(elsewhere, {
      name: '外省篮球课',
      category: 'sports',
      grades: ['j1'],
      pricePerClassFen: 150_00,
      venue: '解放大路 100 号 3 楼',
    })
    const names = async (qs: Record<string, string>) => {
      const text = (await client.get(urlFor('public_courses.search', {}, { qs }))).text()
      return ['长春美术课', '外省篮球课'].filter((n) => text.includes(n))
    }
    assert.deepEqual(await names({}), ['长春美术课', '外省篮球课'])
    assert.deepEqual(await names({ region_province: provinceWithoutPlugin() }), ['外省篮球课'])
    assert.deepEqual(await names({ category: 'arts' }), ['长春美术课'])
    assert.deepEqual(await names({ stage: 'junior' }), ['外省篮球课'])
    assert.deepEqual(await names({ maxPrice: '100' }), ['长春美术课'])
    assert.deepEqual(await names({ institution: String(elsewhere.institution.id) }), ['外省篮球课'])
    assert.deepEqual(await names({ q: '篮球' }), ['外省篮球课'])
    /* The institution's public page links to its courses. */
    const institutionPage = await client.get(
      urlFor('public.show', { id: changchun.institution.id })
    )
    institutionPage.assertTextIncludes(`/courses?institution=${changchun.institution.id}`)
  })
})
