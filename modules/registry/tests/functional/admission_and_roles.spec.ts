/*
| The admission check is a look-up in a criminal-record list, so it is gated
| (filed institutions, owners only, a daily quota, every check audited), and
| the institution's owner alone speaks for it to the bureau.
*/
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import db from '@adonisjs/lucid/services/db'
import { createTestAccount } from '#testing/identity'
import { createFiledInstitution, createStaffMember, residentId } from '../../testing.js'
import { ADMISSION_CHECKS_PER_DAY, consumeAdmissionCheck } from '../../services/admission_limits.js'
import { addStaff } from './helpers.js'

const STAFF_FORM = '/institution/staff/create'

async function listPerson(client: any, county: any, idNumber: string) {
  await client
    .post(urlFor('prohibited.store'))
    .loginAs(county.user)
    .form({ name: '张某', idNumber, reason: 'sexual_offence', source: '（2024）吉0104刑初1号' })
    .withCsrfToken()
}

async function institutionWithAccounts(filingStatus: 'approved' | 'draft' = 'approved') {
  const institution = await createFiledInstitution()
  if (filingStatus !== 'approved')
    await db
      .from('institutions')
      .where('id', institution.id)
      .update({ filing_status: filingStatus, approved_at: null })
  const owner = await createTestAccount({
    role: 'institution_owner',
    regionCode: '220104',
    orgType: 'institution',
    orgId: institution.id,
  })
  const staff = await createTestAccount({
    role: 'institution_staff',
    regionCode: '220104',
    orgType: 'institution',
    orgId: institution.id,
  })
  const county = await createTestAccount({
    role: 'admin',
    adminLevel: 'county',
    regionCode: '220104',
  })
  return { institution, owner, staff, county }
}

test.group('Admission check: who may look a person up', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a draft institution cannot run the prohibited-persons check', async ({
    client,
    assert,
  }) => {
    const { owner, county } = await institutionWithAccounts('draft')
    const banned = residentId(321)
    await listPerson(client, county, banned)

    const form = await client
      .get(urlFor('staff.create'))
      .header('referer', '/institution/staff')
      .loginAs(owner.user)
      .redirects(0)
    form.assertFlashMessage('error', '机构备案通过后才能进行入职查询和登记从业人员')
    const probe = await addStaff(
      client,
      owner.user,
      { name: '张某', idNumber: banned, role: 'teaching', declaresNotServingTeacher: 'true' },
      STAFF_FORM
    )
    probe.assertFlashMessage('error', '机构备案通过后才能进行入职查询和登记从业人员')
    assert.lengthOf(await db.from('staff'), 0)
    assert.lengthOf(await db.from('staff_checks'), 0)
    assert.lengthOf(
      await db.from('registry_documents'),
      0,
      'nothing was uploaded for a check that did not run'
    )
  })

  test('the institution is told only that a person cannot be hired; the bureau sees why', async ({
    client,
    assert,
  }) => {
    const { institution, owner, county } = await institutionWithAccounts()
    const banned = residentId(322)
    await listPerson(client, county, banned)

    const blocked = await addStaff(
      client,
      owner.user,
      { name: '张某', idNumber: banned, role: 'teaching', declaresNotServingTeacher: 'true' },
      STAFF_FORM
    )
    blocked.assertFlashMessage(
      'error',
      '入职查询未通过：该人员不能聘用。具体原因不向机构提供；本人可向属地教育行政部门查询或申诉。'
    )
    assert.equal((await db.from('staff').firstOrFail()).check_result, 'prohibited')
    const list = await client.get(urlFor('staff.index')).loginAs(owner.user)
    list.assertTextIncludes('未通过入职查询')
    assert.notInclude(list.text(), '从业禁止人员库中')
    assert.notInclude(list.text(), '性侵害')

    const bureau = await client
      .get(urlFor('institutions_admin.show', { id: institution.id }))
      .loginAs(county.user)
    bureau.assertTextIncludes('在从业禁止人员库中')
  })

  test('the admission check is rate-limited and audited', async ({ client, assert }) => {
    const { owner } = await institutionWithAccounts()
    for (let i = 0; i < ADMISSION_CHECKS_PER_DAY; i++) {
      const response = await addStaff(
        client,
        owner.user,
        {
          name: `老师${i}`,
          idNumber: residentId(600 + i),
          role: 'teaching',
          declaresNotServingTeacher: 'true',
        },
        STAFF_FORM
      )
      response.assertFlashMessage('success', '入职查询通过，已登记')
    }
    const over = await addStaff(
      client,
      owner.user,
      {
        name: '多一个',
        idNumber: residentId(650),
        role: 'teaching',
        declaresNotServingTeacher: 'true',
      },
      STAFF_FORM
    )
    over.assertFlashMessage(
      'error',
      `今日入职查询次数已达上限（${ADMISSION_CHECKS_PER_DAY} 次），请明天再试`
    )
    assert.lengthOf(await db.from('staff'), ADMISSION_CHECKS_PER_DAY)
    const audited = await db
      .from('audit_events')
      .where('action', 'registry.staff_checked')
      .where('actor_id', owner.id)
    assert.lengthOf(audited, ADMISSION_CHECKS_PER_DAY, 'every check that ran is in the audit log')
    assert.notMatch(
      JSON.stringify(audited),
      /\d{17}[\dX]/,
      'the audit log holds masked ID numbers only'
    )
  })

  test('concurrent admission checks never exceed the daily quota', async ({ assert }) => {
    const { institution, owner } = await institutionWithAccounts()
    const results = await Promise.allSettled(
      Array.from({ length: ADMISSION_CHECKS_PER_DAY + 10 }, () =>
        consumeAdmissionCheck(owner.id, institution.id)
      )
    )
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, ADMISSION_CHECKS_PER_DAY)
    assert.isTrue(
      results.filter((r) => r.status === 'rejected').every((r: any) => r.reason.status === 429)
    )
  })
})

test.group('Least privilege: staff are not owners', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('staff cannot submit a filing', async ({ client, assert }) => {
    const { institution, staff } = await institutionWithAccounts('draft')
    const before = await db
      .from('filing_sections')
      .where('institution_id', institution.id)
      .orderBy('section')
    ;(
      await client.post(urlFor('filing.submit')).loginAs(staff.user).withCsrfToken().redirects(0)
    ).assertStatus(403)
    ;(
      await client
        .post(urlFor('filing.update', { section: 'conditions' }))
        .loginAs(staff.user)
        .form({ maxStudents: '999' })
        .withCsrfToken()
        .redirects(0)
    ).assertStatus(403)
    ;(
      await client
        .post(urlFor('filing.skip_academic'))
        .loginAs(staff.user)
        .withCsrfToken()
        .redirects(0)
    ).assertStatus(403)
    assert.equal(
      (await db.from('institutions').where('id', institution.id).firstOrFail()).filing_status,
      'draft'
    )
    assert.deepEqual(
      await db.from('filing_sections').where('institution_id', institution.id).orderBy('section'),
      before
    )
    /* Reading the filing stays open to them. */
    ;(await client.get(urlFor('filing.overview')).loginAs(staff.user)).assertStatus(200)
  })

  test('the filing pages offer staff no save or submit button, and the owner both', async ({
    client,
    assert,
  }) => {
    const { owner, staff } = await institutionWithAccounts('draft')
    const staffEdit = await client
      .get(urlFor('filing.edit', { section: 'conditions' }))
      .loginAs(staff.user)
    staffEdit.assertStatus(200)
    assert.notInclude(staffEdit.text(), 'value="next"')
    assert.include(staffEdit.text(), 'data-testid="owner-only"')
    const ownerEdit = await client
      .get(urlFor('filing.edit', { section: 'conditions' }))
      .loginAs(owner.user)
    assert.include(ownerEdit.text(), 'value="next"')
    assert.notInclude(ownerEdit.text(), 'data-testid="owner-only"')
    assert.notInclude(
      (await client.get(urlFor('filing.confirm')).loginAs(staff.user)).text(),
      'data-testid="submit-filing"'
    )
  })

  test('a staff account cannot start a filing of its own', async ({ client, assert }) => {
    const loose = await createTestAccount({ role: 'institution_staff', regionCode: '220104' })
    ;(
      await client
        .post(urlFor('filing.update', { section: 'basic' }))
        .loginAs(loose.user)
        .form({ name: '员工自建机构' })
        .withCsrfToken()
        .redirects(0)
    ).assertStatus(403)
    assert.lengthOf(await db.from('institutions'), 0)
  })

  test('staff cannot request a key-fact change', async ({ client, assert }) => {
    const { owner, staff } = await institutionWithAccounts()
    const refused = await client
      .post(urlFor('changes.store'))
      .loginAs(staff.user)
      .form({ name: '员工改的名字培训学校', reason: '员工想改名' })
      .withCsrfToken()
      .redirects(0)
    refused.assertStatus(403)
    assert.lengthOf(await db.from('change_requests'), 0)
    ;(await client.get(urlFor('changes.index')).loginAs(staff.user)).assertStatus(200)
    /* The owner of the same institution may. */
    await client
      .post(urlFor('changes.store'))
      .loginAs(owner.user)
      .form({ name: '负责人申请的名字培训学校', reason: '增加课程，名称相应调整' })
      .withCsrfToken()
    assert.lengthOf(await db.from('change_requests'), 1)
  })

  test('staff cannot hire, let go, report a rectification or open staff papers', async ({
    client,
    assert,
  }) => {
    const { institution, owner, staff } = await institutionWithAccounts()
    ;(
      await addStaff(
        client,
        staff.user,
        {
          name: '李老师',
          idNumber: residentId(331),
          role: 'teaching',
          declaresNotServingTeacher: 'true',
        },
        STAFF_FORM
      )
    ).assertStatus(403)
    ;(await client.get(urlFor('staff.create')).loginAs(staff.user).redirects(0)).assertStatus(403)
    assert.lengthOf(await db.from('staff_checks'), 0)
    const member = await createStaffMember(institution.id)
    ;(
      await client
        .post(urlFor('staff.leave', { id: member.id }))
        .loginAs(staff.user)
        .withCsrfToken()
        .redirects(0)
    ).assertStatus(403)
    assert.equal((await db.from('staff').where('id', member.id).firstOrFail()).status, 'hired')
    ;(await client.get(urlFor('staff.index')).loginAs(staff.user)).assertStatus(200)

    const now = new Date()
    const [inspection] = await db
      .table('inspections')
      .insert({
        institution_id: institution.id,
        province_code: '220000',
        city_code: '220100',
        county_code: '220104',
        planned_on: '2026-11-01',
        purpose: '日常检查',
        status: 'recorded',
        created_at: now,
      })
      .returning('id')
    const [finding] = await db
      .table('inspection_findings')
      .insert({
        inspection_id: inspection.id,
        institution_id: institution.id,
        province_code: '220000',
        city_code: '220100',
        county_code: '220104',
        item: 'charging',
        severity: 'minor',
        description: '一次性收取超过 3 个月费用',
        deadline: '2027-01-31',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
    ;(
      await client
        .post(urlFor('rectifications.report', { id: finding.id }))
        .loginAs(staff.user)
        .form({ report: '员工代报整改完成情况' })
        .withCsrfToken()
        .redirects(0)
    ).assertStatus(403)
    assert.equal(
      (await db.from('inspection_findings').where('id', finding.id).firstOrFail()).status,
      'open'
    )

    await addStaff(
      client,
      owner.user,
      {
        name: '王老师',
        idNumber: residentId(332),
        role: 'teaching',
        declaresNotServingTeacher: 'true',
      },
      STAFF_FORM
    )
    const paper = await db.from('registry_documents').where('kind', 'staff_no_crime').firstOrFail()
    ;(await client.get(urlFor('documents.own', { id: paper.id })).loginAs(staff.user)).assertStatus(
      403
    )
    ;(await client.get(urlFor('documents.own', { id: paper.id })).loginAs(owner.user)).assertStatus(
      200
    )
  })
})
