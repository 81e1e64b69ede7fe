import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { createTestAccount } from '#testing/identity'
import { childForm } from '../children_helpers.js'

async function family() {
  const mother = await createTestAccount({ role: 'parent', displayName: '李梅' })
  const father = await createTestAccount({ role: 'parent', displayName: '张军' })
  return { mother, father }
}

async function invite(client: any, user: any, childId: number): Promise<string> {
  const page = await client
    .post(urlFor('children.invite', { id: childId }))
    .loginAs(user)
    .withCsrfToken()
  page.assertStatus(200)
  return page.text().match(/data-testid="invitation-code">([A-Z0-9-]+)</)![1]
}

test.group('Children: a second guardian, and never a third', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the first guardian’s one-time code lets the second see the child; the code works once; a third is refused', async ({
    client,
    assert,
  }) => {
    const { mother, father } = await family()
    await client
      .post(urlFor('children.store'))
      .loginAs(mother.user)
      .form(childForm())
      .withCsrfToken()
    const child = await db.from('children').where('created_by_user_id', mother.id).firstOrFail()

    /* Before the invitation the father does not know the child exists. */
    const before = await client.get(urlFor('children.show', { id: child.id })).loginAs(father.user)
    before.assertStatus(404)

    const code = await invite(client, mother.user, child.id)
    assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    const stored = await db.from('child_invitations').where('child_id', child.id).firstOrFail()
    assert.notInclude(JSON.stringify(stored), code.replaceAll('-', ''))
    /* Shown once: the child's page does not show it again. */
    const again = await client.get(urlFor('children.show', { id: child.id })).loginAs(mother.user)
    assert.notInclude(again.text(), code)

    const joined = await client
      .post(urlFor('children.join'))
      .loginAs(father.user)
      .form({ code: code.toLowerCase(), relation: 'father' })
      .withCsrfToken()
      .redirects(0)
    assert.equal(joined.header('location'), `/parent/children/${child.id}`)
    const seen = await client.get(urlFor('children.show', { id: child.id })).loginAs(father.user)
    seen.assertStatus(200)
    seen.assertTextIncludes('共 2 位监护人')
    const guardians = await db
      .from('child_guardians')
      .where('child_id', child.id)
      .orderBy('position')
    assert.deepEqual(
      guardians.map((g) => [g.user_id, g.position, g.relation]),
      [
        [mother.id, 1, 'mother'],
        [father.id, 2, 'father'],
      ]
    )

    const third = await createTestAccount({ role: 'parent', displayName: '王奶奶' })
    const used = await client
      .post(urlFor('children.join'))
      .loginAs(third.user)
      .form({ code, relation: 'grandparent' })
      .withCsrfToken()
      .redirects(0)
    assert.include(used.flashMessages().error, '邀请码无效、已使用或已过期')
    const full = await client
      .post(urlFor('children.invite', { id: child.id }))
      .loginAs(father.user)
      .withCsrfToken()
      .redirects(0)
    assert.include(full.flashMessages().error, '已有两位监护人')
    /* Even a code made before the second joined finds no place. */
    await db.from('child_guardians').where({ child_id: child.id, user_id: father.id }).delete()
    const late = await invite(client, mother.user, child.id)
    await db.table('child_guardians').insert({
      child_id: child.id,
      user_id: father.id,
      position: 2,
      relation: 'father',
      created_at: new Date(),
    })
    const refused = await client
      .post(urlFor('children.join'))
      .loginAs(third.user)
      .form({ code: late, relation: 'grandparent' })
      .withCsrfToken()
      .redirects(0)
    assert.include(refused.flashMessages().error, '已有两位监护人')
    assert.lengthOf(await db.from('child_guardians').where('child_id', child.id), 2)
    const thirdLooks = await client
      .get(urlFor('children.show', { id: child.id }))
      .loginAs(third.user)
    thirdLooks.assertStatus(404)
  })

  test('the database itself refuses a third guardian', async ({ assert }) => {
    const { mother, father } = await family()
    const third = await createTestAccount({ role: 'parent' })
    const [row] = await db
      .table('children')
      .insert({
        name: '测试',
        id_number_cipher: 'x',
        id_number_index: `test-${mother.id}`,
        id_number_masked: '220**************1',
        sex: 'male',
        birth_date: '2018-03-01',
        county_code: '220104',
        province_code: '220000',
        school_name: '某小学',
        grade: 'p3',
        grade_year: 2026,
        created_by_user_id: mother.id,
        created_at: new Date(),
        updated_at: new Date(),
      })
      .returning('id')
    const link = (userId: number, position: number) =>
      db.table('child_guardians').insert({
        child_id: row.id,
        user_id: userId,
        position,
        relation: 'other',
        created_at: new Date(),
      })
    await link(mother.id, 1)
    await link(father.id, 2)
    await assert.rejects(() => link(third.id, 3))
    await assert.rejects(() => link(third.id, 2))
  })

  test('a guardian who leaves a shared child leaves the profile to the other', async ({
    client,
    assert,
  }) => {
    const { mother, father } = await family()
    await client
      .post(urlFor('children.store'))
      .loginAs(mother.user)
      .form(childForm())
      .withCsrfToken()
    const child = await db.from('children').where('created_by_user_id', mother.id).firstOrFail()
    const code = await invite(client, mother.user, child.id)
    await client
      .post(urlFor('children.join'))
      .loginAs(father.user)
      .form({ code, relation: 'father' })
      .withCsrfToken()
    const ask = await client.get(urlFor('children.remove', { id: child.id })).loginAs(mother.user)
    ask.assertTextIncludes('另一位监护人仍可使用')
    await client
      .post(urlFor('children.destroy', { id: child.id }))
      .loginAs(mother.user)
      .withCsrfToken()
    assert.lengthOf(await db.from('children').where('id', child.id), 1)
    const guardians = await db.from('child_guardians').where('child_id', child.id)
    assert.deepEqual(
      guardians.map((g) => [g.user_id, g.position]),
      [[father.id, 1]]
    )
    ;(
      await client.get(urlFor('children.show', { id: child.id })).loginAs(mother.user)
    ).assertStatus(404)
  })
})
