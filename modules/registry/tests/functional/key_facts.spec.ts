import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import db from '@adonisjs/lucid/services/db'
import { createTestAccount } from '#testing/identity'
import { fieldErrors } from '#tests/helpers/http'
import { contractParty } from '#modules/registry'
import {
  createFiledInstitution,
  filingFields,
  registerSupervisingBanks,
  residentId,
} from '../../testing.js'
import { sealIdNumber, unseal } from '#kernel/shared/personal_data'
import { withFields } from './helpers.js'

const OTHER_BANK = '中国工商银行长春红旗街支行'

async function documentOf(institutionId: number, kind: string): Promise<number> {
  const [row] = await db
    .table('registry_documents')
    .insert({
      institution_id: institutionId,
      kind,
      storage_key: `test/${kind}-${institutionId}-${Math.random()}`,
      original_name: `${kind}.pdf`,
      mime_type: 'application/pdf',
      size_bytes: 10,
      sha256: 'x',
      created_at: new Date(),
    })
    .returning('id')
  return Number(row.id ?? row)
}

/* An approved institution whose filed venue carries its papers, so its operations part saves as valid. */
async function approvedInstitution() {
  const institution = await createFiledInstitution()
  const section = await db
    .from('filing_sections')
    .where('institution_id', institution.id)
    .where('section', 'operations')
    .firstOrFail()
  const venue = {
    ...section.data.venues[0],
    areaSqm: 320,
    tenureDocument: await documentOf(institution.id, 'tenure'),
    fireSafetyDocument: await documentOf(institution.id, 'fire_safety'),
    hygieneDocument: await documentOf(institution.id, 'hygiene'),
  }
  const data = { ...section.data, venues: [venue] }
  await db
    .from('filing_sections')
    .where('id', section.id)
    .update({ data: JSON.stringify(data) })
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
  const operations: Record<string, any> = Object.fromEntries(
    Object.entries(data).filter(([k]) => filingFields('220104').operations[k] !== undefined)
  )
  return { institution, owner, county, operations }
}

function saveOperations(client: any, user: any, values: Record<string, any>) {
  return withFields(
    client.post(urlFor('filing.update', { section: 'operations' })).loginAs(user),
    values
  )
    .withCsrfToken()
    .redirects(0)
}

async function operationsOf(institutionId: number) {
  return (
    await db
      .from('filing_sections')
      .where('institution_id', institutionId)
      .where('section', 'operations')
      .firstOrFail()
  ).data
}

test.group('Key facts of fund supervision', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an approved institution cannot change its supervised account without review', async ({
    client,
    assert,
  }) => {
    const { institution, owner, county, operations } = await approvedInstitution()
    await registerSupervisingBanks(OTHER_BANK)
    const filed = await contractParty(institution.id)
    const form = await client
      .get(urlFor('filing.edit', { section: 'operations' }))
      .loginAs(owner.user)
    form.assertStatus(200)
    form.assertTextIncludes('关键信息变更理由')
    form.assertTextIncludes(`<option value="${OTHER_BANK}"`)

    const silent = await saveOperations(client, owner.user, {
      ...operations,
      supervisingBank: OTHER_BANK,
      supervisedAccount: '6222000011112222',
      materialsPolicy: '教材每学期报备。',
    })
    assert.isNotEmpty(
      fieldErrors(silent, 'changeReason'),
      'a key-fact edit without a reason is refused'
    )
    assert.equal((await operationsOf(institution.id)).supervisedAccount, filed!.supervisedAccount)
    assert.equal(
      (await operationsOf(institution.id)).materialsPolicy,
      '教材每学期报备。',
      'other facts are still kept current'
    )
    assert.lengthOf(await db.from('change_requests'), 0)

    const asked = await saveOperations(client, owner.user, {
      ...operations,
      supervisingBank: OTHER_BANK,
      supervisedAccount: '6222000011112222',
      changeReason: '原开户行撤并，监管账户迁至新银行',
    })
    asked.assertFlashMessage(
      'success',
      '已保存。关键信息的修改已作为变更申请提交审核，审核通过后生效'
    )
    const still = await contractParty(institution.id)
    assert.equal(
      still!.supervisingBank,
      filed!.supervisingBank,
      'contracts keep printing the approved bank'
    )
    assert.equal(still!.supervisedAccount, filed!.supervisedAccount, 'and the approved account')
    const [request] = await db.from('change_requests').where('institution_id', institution.id)
    assert.equal(request.status, 'pending')
    assert.deepEqual(Object.keys(request.changes).sort(), ['supervisedAccount', 'supervisingBank'])
    assert.deepEqual(request.changes.supervisedAccount, {
      from: filed!.supervisedAccount,
      to: '6222000011112222',
    })

    const queue = await client.get(urlFor('change_reviews.index')).loginAs(county.user)
    queue.assertTextIncludes(OTHER_BANK)
    await client
      .post(urlFor('change_reviews.approve', { id: request.id }))
      .loginAs(county.user)
      .withCsrfToken()
      .redirects(0)
    const after = await contractParty(institution.id)
    assert.equal(after!.supervisingBank, OTHER_BANK)
    assert.equal(after!.supervisedAccount, '6222000011112222')
    const [event] = await db.from('outbox_events').where('event', 'registry:supervision_changed')
    assert.deepInclude(event.payload, {
      institutionId: institution.id,
      changeRequestId: Number(request.id),
    })
    assert.deepEqual(event.payload.to, {
      bank: OTHER_BANK,
      account: '6222000011112222',
      escrowModel: 'bank_custody',
    })
  })

  test("the legal representative's ID number changes only with review, and never in clear", async ({
    client,
    assert,
  }) => {
    const { institution, owner, county } = await approvedInstitution()
    const basicRow = await db
      .from('filing_sections')
      .where('institution_id', institution.id)
      .where('section', 'basic')
      .firstOrFail()
    const filedId = residentId(311)
    const onFile = sealIdNumber(filedId)
    await db
      .from('filing_sections')
      .where('id', basicRow.id)
      .update({
        data: JSON.stringify({ ...basicRow.data, legalRepIdNumber: onFile.masked }),
        sealed: JSON.stringify({
          legalRepIdNumber: { cipher: onFile.cipher, index: onFile.index },
        }),
      })
    const basic = Object.fromEntries(
      Object.entries(basicRow.data).filter(([k]) => filingFields('220104').basic[k] !== undefined)
    )
    const save = (values: Record<string, any>) =>
      withFields(
        client.post(urlFor('filing.update', { section: 'basic' })).loginAs(owner.user),
        values
      )
        .withCsrfToken()
        .redirects(0)

    /* Typing the number on file again is no change. */
    await save({ ...basic, legalRepIdNumber: filedId, changeReason: '无变化' })
    assert.lengthOf(await db.from('change_requests').where('institution_id', institution.id), 0)

    const newId = residentId(312)
    await save({ ...basic, legalRepIdNumber: newId, changeReason: '法定代表人变更' })
    const [request] = await db.from('change_requests').where('institution_id', institution.id)
    assert.deepEqual(Object.keys(request.changes), ['legalRepIdNumber'])
    assert.notInclude(JSON.stringify(request.changes), newId, 'the number is never stored in clear')
    assert.equal(request.changes.legalRepIdNumber.from, onFile.masked)
    const pending = await db.from('filing_sections').where('id', basicRow.id).firstOrFail()
    assert.equal(
      pending.sealed.legalRepIdNumber.index,
      onFile.index,
      'the approved number stays on file until the bureau decides'
    )
    assert.equal(pending.data.legalRepIdNumber, onFile.masked)

    await client
      .post(urlFor('change_reviews.approve', { id: request.id }))
      .loginAs(county.user)
      .withCsrfToken()
      .redirects(0)
    const approved = await db.from('filing_sections').where('id', basicRow.id).firstOrFail()
    assert.equal(approved.sealed.legalRepIdNumber.index, sealIdNumber(newId).index)
    assert.equal(unseal(approved.sealed.legalRepIdNumber.cipher), newId)
    assert.equal(approved.data.legalRepIdNumber, sealIdNumber(newId).masked)
  })

  test('an unknown bank cannot be filed', async ({ client, assert }) => {
    const account = await createTestAccount({ role: 'institution_owner', regionCode: '220104' })
    const fields = filingFields('220104')
    await client
      .post(urlFor('filing.update', { section: 'basic' }))
      .loginAs(account.user)
      .form(fields.basic)
      .withCsrfToken()
      .redirects(0)
    const { CurrentUserProvider } = await import('#modules/identity')
    const user = (await new CurrentUserProvider().findById(account.id))!.getOriginal()
    const response = await saveOperations(client, user, {
      ...fields.operations,
      supervisingBank: '长春市某某自造银行',
    })
    assert.include(
      fieldErrors(response, 'supervisingBank'),
      '资金监管银行须从已登记的监管银行中选择；名单中没有的银行，请联系属地教育行政部门登记'
    )
    const institution = await db
      .from('institutions')
      .where('credit_code', fields.basic.creditCode)
      .firstOrFail()
    const section = await db
      .from('filing_sections')
      .where('institution_id', institution.id)
      .where('section', 'operations')
      .firstOrFail()
    assert.isFalse(section.complete)

    const { institution: approved, owner, operations } = await approvedInstitution()
    await saveOperations(client, owner.user, {
      ...operations,
      supervisingBank: '长春市某某自造银行',
      changeReason: '换银行',
    })
    assert.lengthOf(
      await db.from('change_requests').where('institution_id', approved.id),
      0,
      'nor proposed after approval'
    )
  })

  test('adding an academic category after approval needs review', async ({ client, assert }) => {
    const { institution, owner, county, operations } = await approvedInstitution()
    await saveOperations(client, owner.user, {
      ...operations,
      categories: ['arts', 'academic'],
      changeReason: '增设学科类培训',
    })
    assert.deepEqual(
      (await db.from('institutions').where('id', institution.id).firstOrFail()).categories,
      ['arts']
    )
    assert.deepEqual((await operationsOf(institution.id)).categories, ['arts'])

    const extraVenue = {
      address: '新开教学点 8 号',
      areaSqm: '90',
      tenure: 'owned',
      tenureDocument: await documentOf(institution.id, 'tenure'),
      fireSafetyDocument: await documentOf(institution.id, 'fire_safety'),
      hygieneDocument: await documentOf(institution.id, 'hygiene'),
    }
    const second = await saveOperations(client, owner.user, {
      ...operations,
      venues: [...(operations.venues as any[]), extraVenue],
      changeReason: '增加场所',
    })
    assert.include(fieldErrors(second, 'changeReason'), '已有一项变更申请在审核中')
    assert.lengthOf(
      (await operationsOf(institution.id)).venues,
      1,
      'a venue is not added by saving either'
    )

    const [request] = await db.from('change_requests').where('institution_id', institution.id)
    assert.deepEqual(request.changes.categories, { from: ['arts'], to: ['arts', 'academic'] })
    const queue = await client.get(urlFor('change_reviews.index')).loginAs(county.user)
    queue.assertTextIncludes('艺术')
    await client
      .post(urlFor('change_reviews.approve', { id: request.id }))
      .loginAs(county.user)
      .withCsrfToken()
      .redirects(0)
    assert.deepEqual(
      (await db.from('institutions').where('id', institution.id).firstOrFail()).categories,
      ['arts', 'academic']
    )
    assert.deepEqual((await operationsOf(institution.id)).categories, ['arts', 'academic'])
    assert.lengthOf(
      await db.from('outbox_events').where('event', 'registry:supervision_changed'),
      0,
      'the supervision did not change'
    )
  })

  test('what the "other" category means changes only with review', async ({ client, assert }) => {
    const { institution, owner, operations } = await approvedInstitution()
    await saveOperations(client, owner.user, {
      ...operations,
      categories: ['arts', 'other'],
      otherCategory: '研学旅行',
      changeReason: '增设其他类',
    })
    assert.notProperty(
      await operationsOf(institution.id),
      'otherCategory',
      'nothing is written before the bureau decides'
    )
    const [request] = await db.from('change_requests').where('institution_id', institution.id)
    assert.deepEqual(request.changes.otherCategory?.to, '研学旅行')
  })

  test('a venue added after approval waits for review with its papers', async ({
    client,
    assert,
  }) => {
    const { institution, owner, county, operations } = await approvedInstitution()
    const venue = {
      address: '新开教学点 8 号',
      areaSqm: '90',
      tenure: 'owned',
      tenureDocument: await documentOf(institution.id, 'tenure'),
      fireSafetyDocument: await documentOf(institution.id, 'fire_safety'),
      hygieneDocument: await documentOf(institution.id, 'hygiene'),
    }
    await saveOperations(client, owner.user, {
      ...operations,
      venues: [...(operations.venues as any[]), venue],
      changeReason: '增加教学场所',
    })
    assert.lengthOf((await operationsOf(institution.id)).venues, 1)
    const queue = await client.get(urlFor('change_reviews.index')).loginAs(county.user)
    queue.assertTextIncludes('新开教学点 8 号')
    queue.assertTextIncludes(`/manage/registry-documents/${venue.fireSafetyDocument}`)
    const [request] = await db.from('change_requests').where('institution_id', institution.id)
    await client
      .post(urlFor('change_reviews.approve', { id: request.id }))
      .loginAs(county.user)
      .withCsrfToken()
      .redirects(0)
    assert.deepEqual(
      (await operationsOf(institution.id)).venues.map((v: any) => v.address),
      [operations.venues[0].address, '新开教学点 8 号']
    )
  })

  test('a bureau registers a supervising bank once; a sub-unit may not', async ({
    client,
    assert,
  }) => {
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const subunit = await createTestAccount({
      role: 'admin',
      adminLevel: 'subunit',
      regionCode: '220104',
    })
    const first = await client
      .post(urlFor('supervising_banks.store'))
      .loginAs(county.user)
      .form({ name: '吉林银行长春朝阳支行', regionCode: '220104' })
      .withCsrfToken()
      .redirects(0)
    first.assertFlashMessage('success', '已登记监管银行：吉林银行长春朝阳支行')
    ;(await client.get(urlFor('supervising_banks.index')).loginAs(subunit.user)).assertTextIncludes(
      '吉林银行长春朝阳支行'
    )
    const again = await client
      .post(urlFor('supervising_banks.store'))
      .header('referer', '/x')
      .loginAs(county.user)
      .form({ name: '吉林银行长春朝阳支行', regionCode: '220104' })
      .withCsrfToken()
      .redirects(0)
    again.assertFlashMessage('error', '监管银行“吉林银行长春朝阳支行”已经登记')
    const outside = await client
      .post(urlFor('supervising_banks.store'))
      .loginAs(county.user)
      .form({ name: '河北银行石家庄分行', regionCode: '130102' })
      .withCsrfToken()
      .redirects(0)
    outside.assertStatus(403)
    const sub = await client
      .post(urlFor('supervising_banks.store'))
      .loginAs(subunit.user)
      .form({ name: '长春农商银行', regionCode: '220104' })
      .withCsrfToken()
      .redirects(0)
    sub.assertStatus(403)
    assert.deepEqual(
      (
        await db
          .from('supervising_banks')
          .where('name', 'like', '%银行%')
          .whereNot('name', 'like', '中国%')
      ).map((b) => b.name),
      ['吉林银行长春朝阳支行']
    )
  })
})
