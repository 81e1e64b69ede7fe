import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import db from '@adonisjs/lucid/services/db'
import { createTestAccount } from '#testing/identity'
import { openSchoolsIn } from '#modules/students'
import { createTestSchool, uniqueSchoolCode } from '#testing/students'
import { fieldErrors } from '#tests/helpers/http'

type Level = 'county' | 'city' | 'province' | 'subunit'
const bureau = async (regionCode: string, adminLevel: Level = 'county') =>
  (await createTestAccount({ role: 'admin', adminLevel, regionCode })).user

const schoolForm = (overrides: Record<string, unknown> = {}) => ({
  name: '长春市朝阳区测试路小学',
  code: uniqueSchoolCode(),
  stages: ['primary', 'junior'],
  regionCode: '220104',
  address: '长春市朝阳区测试路 1 号',
  ...overrides,
})

test.group('School register: a county keeps its schools', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a county adds a school; it is audited, listed and found by name or code', async ({
    client,
    assert,
  }) => {
    const county = await bureau('220104')
    const form = schoolForm()
    const response = await client
      .post(urlFor('schools.store'))
      .loginAs(county)
      .form(form)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage('success', `已新增学校“${form.name}”。`)
    const row = await db.from('schools').where('code', form.code).firstOrFail()
    assert.deepEqual(row.stages, ['primary', 'junior'])
    assert.equal(row.county_code, '220104')
    assert.equal(row.city_code, '220100')
    assert.equal(response.header('location'), urlFor('schools.show', { id: row.id }))
    const audit = await db
      .from('audit_events')
      .where({ action: 'students.school_added', subject_id: String(row.id) })
      .first()
    assert.exists(audit)

    const byName = await client
      .get(urlFor('schools.index', {}, { qs: { q: '测试路' } }))
      .loginAs(county)
    byName.assertStatus(200)
    assert.include(byName.text(), `data-testid="school-${row.id}"`)
    const byCode = await client
      .get(urlFor('schools.index', {}, { qs: { q: form.code.slice(0, 6) } }))
      .loginAs(county)
    assert.include(byCode.text(), `data-testid="school-${row.id}"`)
    const none = await client
      .get(urlFor('schools.index', {}, { qs: { q: '没有这所学校' } }))
      .loginAs(county)
    none.assertTextIncludes('没有名称或标识码相符的学校。')
  })

  test('an empty register says so and offers the import', async ({ client }) => {
    /* A county of Hebei that no other test fills. */
    const county = await bureau('130104')
    const page = await client.get(urlFor('schools.index')).loginAs(county)
    page.assertStatus(200)
    page.assertTextIncludes('本辖区还没有登记学校。')
    page.assertTextIncludes('从 Excel 导入学校名录')
  })

  test('the form answers in words people understand', async ({ client, assert }) => {
    const county = await bureau('220104')
    const send = (overrides: Record<string, unknown>) =>
      client
        .post(urlFor('schools.store'))
        .header('referer', urlFor('schools.create'))
        .loginAs(county)
        .form(schoolForm(overrides))
        .withCsrfToken()
        .redirects(0)
    assert.deepEqual(fieldErrors(await send({ name: '校'.repeat(101) }), 'name'), [
      '学校名称最多 100 个字符',
    ])
    assert.deepEqual(fieldErrors(await send({ code: '22010412' }), 'code'), [
      '学校标识码须为 10 位数字',
    ])
    assert.deepEqual(fieldErrors(await send({ code: '22010412ab' }), 'code'), [
      '学校标识码须为 10 位数字',
    ])
    assert.deepEqual(fieldErrors(await send({ stages: [] }), 'stages'), ['请至少选择一个学段'])
    const nowhere = await send({ regionCode: '220102' })
    assert.deepEqual(fieldErrors(nowhere, 'regionCode'), ['只能在本局管辖的区县登记学校'])
    assert.equal(
      Number(
        (await db.from('schools').where('name', '长春市朝阳区测试路小学').count('* as n'))[0].n
      ),
      0
    )
  })

  test('a school code is unique nationally, said plainly', async ({ client, assert }) => {
    const elsewhere = await createTestSchool({ regionCode: '220102' })
    const county = await bureau('220104')
    const response = await client
      .post(urlFor('schools.store'))
      .header('referer', urlFor('schools.create'))
      .loginAs(county)
      .form(schoolForm({ code: elsewhere.code }))
      .withCsrfToken()
      .redirects(0)
    assert.deepEqual(fieldErrors(response, 'code'), [
      '该学校标识码已有学校登记，请核对；如为其他地区的学校，请联系其所在地教育局',
    ])
    const rows = await db.from('schools').where('code', elsewhere.code)
    assert.lengthOf(rows, 1)
    assert.equal(rows[0].region_code, '220102')
  })

  test('a county edits its school; closing asks first, keeps it listed and unchosen', async ({
    client,
    assert,
  }) => {
    const county = await bureau('220104')
    const school = await createTestSchool({ name: '长春市朝阳区旧名小学' })
    const edit = await client.get(urlFor('schools.edit', { id: school.id })).loginAs(county)
    edit.assertStatus(200)
    edit.assertTextIncludes('长春市朝阳区旧名小学')
    const updated = await client
      .put(urlFor('schools.update', { id: school.id }))
      .loginAs(county)
      .form(
        schoolForm({
          name: '长春市朝阳区新名学校',
          code: school.code,
          stages: ['primary', 'junior'],
        })
      )
      .withCsrfToken()
      .redirects(0)
    updated.assertFlashMessage('success', '已保存“长春市朝阳区新名学校”的修改。')
    const row = await db.from('schools').where('id', school.id).firstOrFail()
    assert.equal(row.name, '长春市朝阳区新名学校')
    assert.deepEqual(row.stages, ['primary', 'junior'])

    const confirm = await client
      .get(urlFor('schools.confirm_close', { id: school.id }))
      .loginAs(county)
    confirm.assertStatus(200)
    confirm.assertTextIncludes('确认撤销')
    assert.isNull((await db.from('schools').where('id', school.id).firstOrFail()).closed_at)
    const noReason = await client
      .post(urlFor('schools.close', { id: school.id }))
      .loginAs(county)
      .form({ reason: '' })
      .withCsrfToken()
      .redirects(0)
    assert.deepEqual(fieldErrors(noReason, 'reason'), ['请填写撤销原因'])
    const closed = await client
      .post(urlFor('schools.close', { id: school.id }))
      .loginAs(county)
      .form({ reason: '撤并入明德学校' })
      .withCsrfToken()
      .redirects(0)
    closed.assertFlashMessage('success', '“长春市朝阳区新名学校”已标记为撤销。')
    assert.isNotNull((await db.from('schools').where('id', school.id).firstOrFail()).closed_at)

    const list = await client
      .get(urlFor('schools.index', {}, { qs: { q: '新名' } }))
      .loginAs(county)
    assert.include(list.text(), `data-testid="school-${school.id}"`)
    list.assertTextIncludes('已撤销')
    assert.notInclude(
      (await openSchoolsIn('220104')).map((s) => s.id),
      school.id,
      'a closed school is offered for nothing new'
    )
    const again = await client.get(urlFor('schools.edit', { id: school.id })).loginAs(county)
    again.assertStatus(403)
  })

  test("another region's school does not exist; readers read and change nothing", async ({
    client,
    assert,
  }) => {
    const school = await createTestSchool({ regionCode: '220104', name: '长春市朝阳区范围小学' })
    const nanguan = await bureau('220102')
    for (const path of [
      urlFor('schools.show', { id: school.id }),
      urlFor('schools.edit', { id: school.id }),
      urlFor('schools.confirm_close', { id: school.id }),
    ])
      (await client.get(path).loginAs(nanguan)).assertStatus(404)
    const list = await client.get(urlFor('schools.index')).loginAs(nanguan)
    assert.notInclude(list.text(), '长春市朝阳区范围小学')

    const subunit = await bureau('220104', 'subunit')
    const page = await client.get(urlFor('schools.show', { id: school.id })).loginAs(subunit)
    page.assertStatus(200)
    assert.notInclude(page.text(), 'data-testid="edit-school"')
    assert.notInclude(page.text(), 'data-testid="operator-form"')
    assert.notInclude(
      (await client.get(urlFor('schools.index')).loginAs(subunit)).text(),
      'data-testid="new-school"'
    )
    ;(await client.get(urlFor('schools.create')).loginAs(subunit)).assertStatus(403)
    ;(await client.get(urlFor('schools.edit', { id: school.id })).loginAs(subunit)).assertStatus(
      403
    )
    const store = await client
      .post(urlFor('schools.store'))
      .loginAs(subunit)
      .form(schoolForm())
      .withCsrfToken()
      .redirects(0)
    store.assertStatus(403)

    const province = await bureau('220000', 'province')
    ;(await client.get(urlFor('schools.show', { id: school.id })).loginAs(province)).assertStatus(
      200
    )
    ;(await client.get(urlFor('schools.create')).loginAs(province)).assertStatus(403)

    const operator = await createTestAccount({ role: 'school_operator', regionCode: '220104' })
    ;(await client.get(urlFor('schools.index')).loginAs(operator.user)).assertStatus(403)
  })

  test('a school with an operator account does not move to another county', async ({
    client,
    assert,
  }) => {
    const city = await bureau('220100', 'city')
    const school = await createTestSchool({ regionCode: '220104' })
    const move = () =>
      client
        .put(urlFor('schools.update', { id: school.id }))
        .loginAs(city)
        .form(schoolForm({ name: school.name, code: school.code, regionCode: '220102' }))
        .withCsrfToken()
        .redirects(0)
    await createTestAccount({
      role: 'school_operator',
      regionCode: '220104',
      orgType: 'school',
      orgId: school.id,
    })
    const refused = await move()
    assert.include(JSON.stringify(refused.flashMessages()), '不能改到其他区县')
    assert.equal(
      (await db.from('schools').where('id', school.id).firstOrFail()).county_code,
      '220104'
    )
    /* Without accounts or pupils it moves: a city corrects a school entered in the wrong county. */
    const free = await createTestSchool({ regionCode: '220104' })
    const moved = await client
      .put(urlFor('schools.update', { id: free.id }))
      .loginAs(city)
      .form(schoolForm({ name: free.name, code: free.code, regionCode: '220102' }))
      .withCsrfToken()
      .redirects(0)
    moved.assertStatus(302)
    assert.equal(
      (await db.from('schools').where('id', free.id).firstOrFail()).county_code,
      '220102'
    )
  })

  test('a city registers a school it runs in one of its counties', async ({ client, assert }) => {
    const city = await bureau('220100', 'city')
    const form = await client.get(urlFor('schools.create')).loginAs(city)
    form.assertTextIncludes('朝阳区')
    form.assertTextIncludes('南关区')
    const code = uniqueSchoolCode('220102')
    const stored = await client
      .post(urlFor('schools.store'))
      .loginAs(city)
      .form(
        schoolForm({
          name: '长春市实验中学',
          code,
          stages: ['junior', 'senior'],
          regionCode: '220102',
        })
      )
      .withCsrfToken()
      .redirects(0)
    stored.assertStatus(302)
    const row = await db.from('schools').where('code', code).firstOrFail()
    assert.equal(row.county_code, '220102')
    const outside = await client
      .post(urlFor('schools.store'))
      .header('referer', urlFor('schools.create'))
      .loginAs(city)
      .form(schoolForm({ regionCode: '220203' }))
      .withCsrfToken()
      .redirects(0)
    assert.deepEqual(fieldErrors(outside, 'regionCode'), ['只能在本局管辖的区县登记学校'])
  })
})
