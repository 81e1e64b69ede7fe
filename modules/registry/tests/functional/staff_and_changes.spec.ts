import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import db from '@adonisjs/lucid/services/db'
import { createTestAccount } from '#testing/identity'
import { createFiledInstitution, residentId } from '../../testing.js'
import { addStaff } from './helpers.js'

test.group('Staff admission check', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a clean check hires; a prohibited person (without the reason), a serving teacher or a missing qualification is blocked', async ({
    client,
    assert,
  }) => {
    const institution = await createFiledInstitution()
    const owner = await createTestAccount({
      role: 'institution_owner',
      regionCode: '220104',
      orgType: 'institution',
      orgId: institution.id,
    })
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const banned = residentId(301)
    await client
      .post(urlFor('prohibited.store'))
      .loginAs(county.user)
      .form({
        name: '张某',
        idNumber: banned,
        reason: 'sexual_offence',
        source: '（2024）吉0104刑初1号',
      })
      .withCsrfToken()

    const hired = await addStaff(client, owner.user, {
      name: '李老师',
      idNumber: residentId(302),
      role: 'teaching',
      declaresNotServingTeacher: 'true',
    })
    hired.assertFlashMessage('success', '入职查询通过，已登记')
    const blocked = await addStaff(client, owner.user, {
      name: '张某',
      idNumber: banned,
      role: 'teaching',
      declaresNotServingTeacher: 'true',
    })
    blocked.assertFlashMessage(
      'error',
      '入职查询未通过：该人员不能聘用。具体原因不向机构提供；本人可向属地教育行政部门查询或申诉。'
    )
    const serving = await addStaff(client, owner.user, {
      name: '王老师',
      idNumber: residentId(303),
      role: 'teaching',
    })
    serving.assertFlashMessage('error', '入职查询未通过：不得聘用中小学在职教师。')
    const academic = await addStaff(client, owner.user, {
      name: '赵老师',
      idNumber: residentId(304),
      role: 'teaching',
      teachesAcademic: 'true',
      declaresNotServingTeacher: 'true',
    })
    academic.assertFlashMessage(
      'error',
      '入职查询未通过：学科类培训教师应当具有相应的教师资格，请填写教师资格证编号。'
    )

    const rows = await db.from('staff').orderBy('id')
    assert.deepEqual(
      rows.map((r) => `${r.status}:${r.check_result}`),
      ['hired:passed', 'blocked:prohibited', 'blocked:serving_teacher', 'blocked:no_qualification']
    )
    assert.notInclude(JSON.stringify(rows), banned, 'ID numbers are stored encrypted')
    assert.lengthOf(await db.from('staff_checks'), 4)
    const page = await client.get(urlFor('public.show', { id: institution.id }))
    page.assertTextIncludes('李老师')
    if (page.text().includes('张某')) throw new Error('a blocked person is shown as a teacher')
  })

  test('a hired person later added to the prohibited list turns the institution black until they leave', async ({
    client,
    assert,
  }) => {
    const institution = await createFiledInstitution()
    const owner = await createTestAccount({
      role: 'institution_owner',
      regionCode: '220104',
      orgType: 'institution',
      orgId: institution.id,
    })
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const idNumber = residentId(305)
    await addStaff(client, owner.user, {
      name: '孙老师',
      idNumber,
      role: 'teaching',
      declaresNotServingTeacher: 'true',
    })
    await client
      .post(urlFor('prohibited.store'))
      .loginAs(county.user)
      .form({ name: '孙某', idNumber, reason: 'violence' })
      .withCsrfToken()
    assert.equal(
      (await db.from('institutions').where('id', institution.id).firstOrFail()).list_status,
      'black'
    )

    const staff = await db.from('staff').firstOrFail()
    await client
      .post(urlFor('staff.leave', { id: staff.id }))
      .loginAs(owner.user)
      .withCsrfToken()
    assert.equal(
      (await db.from('institutions').where('id', institution.id).firstOrFail()).list_status,
      'white'
    )
  })

  test('staff documents are private: only the institution and bureaus in scope may open them, and bureaus are audited', async ({
    client,
    assert,
  }) => {
    const institution = await createFiledInstitution()
    const owner = await createTestAccount({
      role: 'institution_owner',
      regionCode: '220104',
      orgType: 'institution',
      orgId: institution.id,
    })
    await addStaff(client, owner.user, {
      name: '李老师',
      idNumber: residentId(306),
      role: 'teaching',
      declaresNotServingTeacher: 'true',
    })
    const doc = await db.from('registry_documents').where('kind', 'staff_no_crime').firstOrFail()
    ;(await client.get(urlFor('documents.own', { id: doc.id })).loginAs(owner.user)).assertStatus(
      200
    )
    const otherOwner = await createTestAccount({ role: 'institution_owner', regionCode: '220104' })
    ;(
      await client.get(urlFor('documents.own', { id: doc.id })).loginAs(otherOwner.user)
    ).assertStatus(404)
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const file = await client.get(urlFor('documents.review', { id: doc.id })).loginAs(county.user)
    file.assertStatus(200)
    file.assertHeader('content-type', 'application/pdf')
    assert.lengthOf(
      await db
        .from('audit_events')
        .where('action', 'pii.viewed')
        .where('subject_type', 'registry_document'),
      1
    )
    const hebei = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '130102',
    })
    ;(
      await client.get(urlFor('documents.review', { id: doc.id })).loginAs(hebei.user)
    ).assertStatus(404)
  })
})

test.group('Key-fact change requests (Art. 12)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a name change is approved by the county, keeps the old name and is announced', async ({
    client,
    assert,
  }) => {
    const institution = await createFiledInstitution({ name: '长春小画家美术培训学校' })
    const owner = await createTestAccount({
      role: 'institution_owner',
      regionCode: '220104',
      orgType: 'institution',
      orgId: institution.id,
    })
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
      unitName: '长春市朝阳区教育局',
    })

    const nothing = await client
      .post(urlFor('changes.store'))
      .header('referer', '/x')
      .loginAs(owner.user)
      .form({ name: '长春小画家美术培训学校', reason: '没有变化' })
      .withCsrfToken()
      .redirects(0)
    nothing.assertFlashMessage('error', '没有需要变更的内容')
    await client
      .post(urlFor('changes.store'))
      .loginAs(owner.user)
      .form({ name: '长春小画家艺术培训学校', reason: '增加书法、舞蹈课程，名称相应调整' })
      .withCsrfToken()
    const again = await client
      .post(urlFor('changes.store'))
      .header('referer', '/x')
      .loginAs(owner.user)
      .form({ address: '新地址 1 号', reason: '搬迁新址' })
      .withCsrfToken()
      .redirects(0)
    again.assertFlashMessage('error', '已有一项变更申请在审核中')

    const queue = await client.get(urlFor('change_reviews.index')).loginAs(county.user)
    queue.assertTextIncludes('长春小画家艺术培训学校')
    const request = await db.from('change_requests').firstOrFail()
    await client
      .post(urlFor('change_reviews.approve', { id: request.id }))
      .loginAs(county.user)
      .withCsrfToken()

    const updated = await db.from('institutions').where('id', institution.id).firstOrFail()
    assert.equal(updated.name, '长春小画家艺术培训学校')
    assert.deepEqual(
      (await db.from('institution_names')).map((n) => n.name),
      ['长春小画家美术培训学校']
    )
    const notices = await client.get(urlFor('public.notices'))
    notices.assertTextIncludes('长春小画家美术培训学校更名为长春小画家艺术培训学校')
    const page = await client.get(urlFor('public.show', { id: institution.id }))
    page.assertTextIncludes('曾用名')
  })

  test('key facts cannot be edited directly after approval', async ({ client, assert }) => {
    const institution = await createFiledInstitution({ name: '原名培训学校' })
    const owner = await createTestAccount({
      role: 'institution_owner',
      regionCode: '220104',
      orgType: 'institution',
      orgId: institution.id,
    })
    const section = await db
      .from('filing_sections')
      .where('institution_id', institution.id)
      .where('section', 'basic')
      .firstOrFail()
    await client
      .post(urlFor('filing.update', { section: 'basic' }))
      .loginAs(owner.user)
      .form({ ...section.data, name: '偷偷改名培训学校', contactName: '新联系人' })
      .withCsrfToken()
    const after = await db
      .from('filing_sections')
      .where('institution_id', institution.id)
      .where('section', 'basic')
      .firstOrFail()
    assert.equal(after.data.name, '原名培训学校')
    assert.equal(after.data.contactName, '新联系人', 'other facts may still be kept current')
    assert.equal(
      (await db.from('institutions').where('id', institution.id).firstOrFail()).name,
      '原名培训学校'
    )
  })
})
