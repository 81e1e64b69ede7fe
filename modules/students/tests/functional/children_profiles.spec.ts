import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { createTestAccount } from '#testing/identity'
import { SCHOOL_YEAR, childForm, childId, childTestSchool } from '../children_helpers.js'

const parent = () => createTestAccount({ role: 'parent', displayName: '李梅' })
const childrenOf = (userId: number) =>
  db
    .from('children')
    .whereIn('id', db.from('child_guardians').select('child_id').where('user_id', userId))

test.group('Children: a parent adds each child once', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an empty list invites the first child; a child added is listed with its ID masked, sex and birth date from the ID', async ({
    client,
    assert,
  }) => {
    const mother = await parent()
    const empty = await client.get(urlFor('children.index')).loginAs(mother.user)
    empty.assertStatus(200)
    empty.assertTextIncludes('您还没有添加孩子')

    const school = await childTestSchool({ name: '长春市朝阳区试验小学' })
    const id = childId(8, 'male')
    const added = await client
      .post(urlFor('children.store'))
      .loginAs(mother.user)
      .form(childForm({ name: '李小川', idNumber: id, school: String(school.id), schoolName: '' }))
      .withCsrfToken()
      .redirects(0)
    const [row] = await childrenOf(mother.id)
    assert.equal(added.header('location'), `/parent/children/${row.id}`)
    assert.include(row, { name: '李小川', sex: 'male', grade: 'p3', grade_year: SCHOOL_YEAR })
    assert.equal(Number(row.school_id), school.id)
    assert.isNull(row.school_name)
    assert.notEqual(row.id_number_cipher, id)
    assert.notInclude(JSON.stringify(row), id)

    const page = await client.get(urlFor('children.show', { id: row.id })).loginAs(mother.user)
    page.assertStatus(200)
    page.assertTextIncludes('长春市朝阳区试验小学')
    page.assertTextIncludes(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`)
    page.assertTextIncludes('男')
    page.assertTextIncludes(`${id.slice(0, 3)}`)
    assert.notInclude(page.text(), id)
    const list = await client.get(urlFor('children.index')).loginAs(mother.user)
    list.assertTextIncludes('李小川')
    assert.notInclude(list.text(), id)

    /* The full number only on request, and every look is audited. */
    const reveal = await client
      .post(urlFor('children.reveal_id', { id: row.id }))
      .loginAs(mother.user)
      .withCsrfToken()
    reveal.assertTextIncludes(id)
    const audit = await db
      .from('audit_events')
      .where({ action: 'pii.viewed', subject_type: 'child', subject_id: String(row.id) })
    assert.lengthOf(audit, 1)
    assert.notInclude(audit[0].summary, id)
  })

  test('a wrong check digit, a birth date that is not the ID’s, a grade impossible at the age: refused in words, nothing stored, the number not flashed back', async ({
    client,
    assert,
  }) => {
    const mother = await parent()
    const good = childId(8)
    const wrongDigit = good.slice(0, 17) + (good[17] === '0' ? '1' : '0')
    const cases: [Record<string, string>, string][] = [
      [{ idNumber: wrongDigit }, '身份证号码的校验位不正确'],
      [{ idNumber: good, birthDate: '2001-01-01' }, '出生日期与身份证号码中的出生日期不一致'],
      [{ idNumber: good, grade: 's2' }, '不在该年级的合理范围（15–18 岁）内'],
      [{ idNumber: good, grade: 'k1' }, '不在该年级的合理范围（2–5 岁）内'],
    ]
    for (const [overrides, message] of cases) {
      const refused = await client
        .post(urlFor('children.store'))
        .header('referer', urlFor('children.create') + '?county=220104')
        .loginAs(mother.user)
        .form(childForm(overrides))
        .withCsrfToken()
        .redirects(0)
      refused.assertStatus(302)
      assert.include(refused.flashMessages().error, message, JSON.stringify(overrides))
      assert.notProperty(refused.flashMessages().old ?? {}, 'idNumber')
      assert.notInclude(JSON.stringify(refused.flashMessages()), good)
    }
    assert.lengthOf(await childrenOf(mother.id), 0)
    assert.lengthOf(
      await db
        .from('audit_events')
        .where('action', 'students.child_added')
        .where('actor_id', mother.id),
      0
    )
  })

  test('a school of another county, a closed school or one without the grade’s stage is refused', async ({
    client,
    assert,
  }) => {
    const mother = await parent()
    const elsewhere = await childTestSchool({ county: '220102' })
    const closed = await childTestSchool({ closed: true })
    const junior = await childTestSchool({ stages: ['junior'], name: '长春市测试初级中学' })
    const cases: [string, string][] = [
      [String(elsewhere.id), '所选学校不是朝阳区学校名录中正在办学的学校'],
      [String(closed.id), '所选学校不是朝阳区学校名录中正在办学的学校'],
      [String(junior.id), '长春市测试初级中学不开设该年级所在的学段'],
    ]
    for (const [school, message] of cases) {
      const refused = await client
        .post(urlFor('children.store'))
        .loginAs(mother.user)
        .form(childForm({ school }))
        .withCsrfToken()
        .redirects(0)
      assert.include(refused.flashMessages().error ?? '', message, school)
      assert.deepEqual(Object.keys(refused.flashMessages().inputErrorsBag ?? {}), ['school'])
    }
    assert.lengthOf(await childrenOf(mother.id), 0)
  })

  test('the same ID cannot be a second child: its guardian is asked for an invitation, without being told whose child it is', async ({
    client,
    assert,
  }) => {
    const first = await parent()
    const second = await createTestAccount({ role: 'parent', displayName: '赵强' })
    const form = childForm()
    await client.post(urlFor('children.store')).loginAs(first.user).form(form).withCsrfToken()
    const again = await client
      .post(urlFor('children.store'))
      .loginAs(second.user)
      .form({ ...form, idNumber: form.idNumber!.toLowerCase() })
      .withCsrfToken()
      .redirects(0)
    const error = again.flashMessages().error as string
    assert.include(error, '请向孩子的另一位监护人索取邀请码')
    assert.notInclude(error, '李梅')
    assert.notInclude(error, first.phone.slice(-4))
    assert.lengthOf(await childrenOf(second.id), 0)
    const mine = await client
      .post(urlFor('children.store'))
      .loginAs(first.user)
      .form(form)
      .withCsrfToken()
      .redirects(0)
    assert.include(mine.flashMessages().error, '已经在您的孩子列表中')
    assert.lengthOf(
      await db
        .from('children')
        .where('name', form.name!)
        .whereIn('id', childrenOf(first.id).select('id')),
      1
    )
  })

  test('another parent’s child does not exist for them: 404 on every page and action', async ({
    client,
    assert,
  }) => {
    const mother = await parent()
    const stranger = await createTestAccount({ role: 'parent' })
    await client
      .post(urlFor('children.store'))
      .loginAs(mother.user)
      .form(childForm())
      .withCsrfToken()
    const [child] = await childrenOf(mother.id)
    for (const [method, route] of [
      ['get', 'children.show'],
      ['get', 'children.edit'],
      ['get', 'children.remove'],
      ['post', 'children.update'],
      ['post', 'children.destroy'],
      ['post', 'children.invite'],
      ['post', 'children.reveal_id'],
    ] as const) {
      const url = urlFor(route, { id: child.id })
      const response =
        method === 'post'
          ? await client.post(url).loginAs(stranger.user).form(childForm()).withCsrfToken()
          : await client.get(url).loginAs(stranger.user)
      assert.equal(response.status(), 404, route)
    }
    assert.lengthOf(await childrenOf(mother.id), 1)
  })

  test('a guardian corrects the profile; removing asks first, then deletes the only guardian’s child', async ({
    client,
    assert,
  }) => {
    const mother = await parent()
    const form = childForm()
    await client.post(urlFor('children.store')).loginAs(mother.user).form(form).withCsrfToken()
    const [child] = await childrenOf(mother.id)
    const edit = await client.get(urlFor('children.edit', { id: child.id })).loginAs(mother.user)
    edit.assertStatus(200)
    edit.assertTextIncludes(child.id_number_masked)
    await client
      .post(urlFor('children.update', { id: child.id }))
      .loginAs(mother.user)
      .form({ ...form, idNumber: '', name: '李小花花', grade: 'p4' })
      .withCsrfToken()
    const [edited] = await childrenOf(mother.id)
    assert.include(edited, {
      name: '李小花花',
      grade: 'p4',
      id_number_index: child.id_number_index,
    })

    const ask = await client.get(urlFor('children.remove', { id: child.id })).loginAs(mother.user)
    ask.assertTextIncludes('确定要移除“李小花花”吗？')
    ask.assertTextIncludes('档案将被删除')
    assert.lengthOf(await childrenOf(mother.id), 1)
    const removed = await client
      .post(urlFor('children.destroy', { id: child.id }))
      .loginAs(mother.user)
      .withCsrfToken()
      .redirects(0)
    assert.equal(removed.header('location'), '/parent/children')
    assert.lengthOf(await db.from('children').where('id', child.id), 0)
  })
})
