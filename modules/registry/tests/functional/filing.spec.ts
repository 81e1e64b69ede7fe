import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import db from '@adonisjs/lucid/services/db'
import { createTestAccount } from '#testing/identity'
import { fieldErrors } from '#tests/helpers/http'
import { countyWithoutPlugin } from '#tests/helpers/province_without_plugin'
import { TINY_PDF, filingFields, registerSupervisingBanks } from '../../testing.js'
import { withFields } from './helpers.js'

async function owner() {
  return createTestAccount({ role: 'institution_owner', regionCode: '220104' })
}

/* After the first part the account acts for its institution: sign in again to pick that up. */
async function reload(account: Awaited<ReturnType<typeof owner>>) {
  const { CurrentUserProvider } = await import('#modules/identity')
  return (await new CurrentUserProvider().findById(account.id))!.getOriginal()
}

async function fileAll(
  client: any,
  account: Awaited<ReturnType<typeof owner>>,
  fields = filingFields('220104')
) {
  await registerSupervisingBanks()
  await client
    .post(urlFor('filing.update', { section: 'basic' }))
    .loginAs(account.user)
    .form(fields.basic)
    .withCsrfToken()
    .redirects(0)
  const user = await reload(account)
  const qualifications = withFields(
    client.post(urlFor('filing.update', { section: 'qualifications' })).loginAs(user),
    fields.qualifications
  )
    .file('files[licenceDocument]', TINY_PDF, { filename: 'licence.pdf' })
    .file('files[legalCertDocument]', TINY_PDF, { filename: 'legal.pdf' })
  await qualifications.withCsrfToken().redirects(0)
  const operations = withFields(
    client.post(urlFor('filing.update', { section: 'operations' })).loginAs(user),
    fields.operations
  )
    .file('files[venues][0][tenureDocument]', TINY_PDF, { filename: 'lease.pdf' })
    .file('files[venues][0][fireSafetyDocument]', TINY_PDF, { filename: 'fire.pdf' })
    .file('files[venues][0][hygieneDocument]', TINY_PDF, { filename: 'hygiene.pdf' })
  const opResponse = await operations.withCsrfToken().redirects(0)
  const conditions = await client
    .post(urlFor('filing.update', { section: 'conditions' }))
    .loginAs(user)
    .form(fields.conditions)
    .withCsrfToken()
    .redirects(0)
  return { user, opResponse, conditions }
}

test.group('Filing wizard', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an invalid first part creates nothing and comes back as typed', async ({
    client,
    assert,
  }) => {
    const account = await owner()
    const fields = filingFields('220104', { basic: { name: '', creditCode: '91110000MA01234567' } })
    const response = await client
      .post(urlFor('filing.update', { section: 'basic' }))
      .loginAs(account.user)
      .form(fields.basic)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/institution/filing/basic')
    assert.include(fieldErrors(response, 'name'), '请填写机构名称')
    assert.include(
      fieldErrors(response, 'creditCode'),
      '统一社会信用代码不是有效的统一社会信用代码'
    )
    response.assertFlashMessage('address', fields.basic.address)
    assert.lengthOf(await db.from('institutions'), 0)
  })

  test('the five parts save as the owner moves on, skip the academic part, and submit', async ({
    client,
    assert,
  }) => {
    const account = await owner()
    const fields = filingFields('220104')
    const basic = await client
      .post(urlFor('filing.update', { section: 'basic' }))
      .loginAs(account.user)
      .form(fields.basic)
      .withCsrfToken()
      .redirects(0)
    basic.assertHeader('location', '/institution/filing/qualifications')
    const institution = await db.from('institutions').firstOrFail()
    assert.equal(institution.filing_status, 'draft')
    assert.equal(institution.county_code, '220104')
    const sealedBasic = await db.from('filing_sections').where('section', 'basic').firstOrFail()
    assert.match(
      sealedBasic.data.legalRepIdNumber,
      /^220\*+\d$/,
      'only the masked ID number is in the data'
    )
    assert.notInclude(JSON.stringify(sealedBasic.data), fields.basic.legalRepIdNumber)

    const { user, opResponse, conditions } = await fileAll(client, account, fields)
    opResponse.assertHeader('location', '/institution/filing/conditions')
    conditions.assertHeader('location', '/institution/filing/confirm')
    assert.equal((await db.from('registry_documents')).length, 5)

    const confirm = await client.get(urlFor('filing.confirm')).loginAs(user)
    confirm.assertTextIncludes('中国建设银行长春朝阳支行')
    const submitted = await client
      .post(urlFor('filing.submit'))
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    submitted.assertHeader('location', '/institution/filing')
    assert.equal((await db.from('institutions').firstOrFail()).filing_status, 'submitted')

    const locked = await client
      .post(urlFor('filing.update', { section: 'basic' }))
      .header('referer', '/x')
      .loginAs(user)
      .form(fields.basic)
      .withCsrfToken()
      .redirects(0)
    locked.assertFlashMessage('error', '备案审核中，暂不能修改')
  })

  test('a missing part cannot be submitted; a wrong file type is refused and the rest kept', async ({
    client,
    assert,
  }) => {
    const account = await owner()
    const fields = filingFields('220104')
    await client
      .post(urlFor('filing.update', { section: 'basic' }))
      .loginAs(account.user)
      .form(fields.basic)
      .withCsrfToken()
      .redirects(0)
    const user = await reload(account)
    const early = await client
      .post(urlFor('filing.submit'))
      .header('referer', '/x')
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    early.assertFlashMessage('error', '还有未完成的部分，请先完成后再提交')

    const wrongType = withFields(
      client.post(urlFor('filing.update', { section: 'qualifications' })).loginAs(user),
      fields.qualifications
    )
      .file('files[licenceDocument]', Buffer.from('just text'), { filename: 'licence.pdf' })
      .file('files[legalCertDocument]', TINY_PDF, { filename: 'legal.pdf' })
    const response = await wrongType.withCsrfToken().redirects(0)
    assert.include(fieldErrors(response, 'licenceDocument'), '只能上传 PDF、JPG 或 PNG 文件')
    const draft = await db.from('filing_sections').where('section', 'qualifications').firstOrFail()
    assert.isFalse(draft.complete)
    assert.equal(
      draft.data.licenceNumber,
      fields.qualifications.licenceNumber,
      'the typed licence number is kept'
    )
  })

  test('a leased venue needs its lease end date; two service channels are required', async ({
    client,
    assert,
  }) => {
    const account = await owner()
    const fields = filingFields('220104')
    await client
      .post(urlFor('filing.update', { section: 'basic' }))
      .loginAs(account.user)
      .form(fields.basic)
      .withCsrfToken()
      .redirects(0)
    const user = await reload(account)
    const operations = {
      ...fields.operations,
      venues: [{ address: 'x 路 1 号', areaSqm: '100', tenure: 'leased' }],
      serviceChannels: [fields.operations.serviceChannels[0]],
    }
    const response = await withFields(
      client.post(urlFor('filing.update', { section: 'operations' })).loginAs(user),
      operations
    )
      .withCsrfToken()
      .redirects(0)
    assert.isNotEmpty(fieldErrors(response, 'venues.0.leaseEndsOn'))
    assert.isNotEmpty(fieldErrors(response, 'serviceChannels'))
    assert.isNotEmpty(fieldErrors(response, 'venues.0.fireSafetyDocument'))
  })
})

test.group('Filing wizard with a provincial plugin', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an online institution in Jilin must give the fields of Jilin attachment 1; one in a province without a plugin need not', async ({
    client,
    assert,
  }) => {
    const online = {
      delivery: 'online',
      website: 'https://ykt.example.cn',
      icpNumber: '吉ICP备2024000001号',
    }
    const jilin = await createTestAccount({ role: 'institution_owner', regionCode: '220104' })
    const missing = await client
      .post(urlFor('filing.update', { section: 'basic' }))
      .loginAs(jilin.user)
      .form(filingFields('220104', { basic: { ...online, name: '吉林云课堂' } }).basic)
      .withCsrfToken()
      .redirects(0)
    assert.isNotEmpty(fieldErrors(missing, 'extra.serverLocation'))
    assert.lengthOf(await db.from('institutions'), 0)
    const page = await client.get(urlFor('filing.edit', { section: 'basic' })).loginAs(jilin.user)
    void page

    const complete = {
      ...filingFields('220104', { basic: { ...online, name: '吉林云课堂' } }).basic,
      'extra[securityLevel]': '3',
      'extra[securityFilingNumber]': '22010413001-00001',
      'extra[serverLocation]': '10.0.0.1 长春',
    }
    ;(
      await client
        .post(urlFor('filing.update', { section: 'basic' }))
        .loginAs(jilin.user)
        .form(complete)
        .withCsrfToken()
        .redirects(0)
    ).assertHeader('location', '/institution/filing/qualifications')
    const saved = await db.from('filing_sections').where('section', 'basic').firstOrFail()
    assert.deepEqual(saved.data.extra, {
      securityLevel: '3',
      securityFilingNumber: '22010413001-00001',
      serverLocation: '10.0.0.1 长春',
    })

    /* A province no installed plugin governs: enabling a new province's plugin picks another. */
    const county = countyWithoutPlugin()
    const other = await createTestAccount({ role: 'institution_owner', regionCode: county })
    const elsewhere = await client
      .post(urlFor('filing.update', { section: 'basic' }))
      .loginAs(other.user)
      .form(
        filingFields(county, {
          basic: { ...online, name: '外省云课堂', icpNumber: '冀ICP备2024000001号' },
        }).basic
      )
      .withCsrfToken()
      .redirects(0)
    elsewhere.assertHeader('location', '/institution/filing/qualifications')
  })
})

test.group('Filing documents', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a file over 10 MB is refused; a form cannot claim another institution’s document', async ({
    client,
    assert,
  }) => {
    const account = await owner()
    const fields = filingFields('220104')
    await client
      .post(urlFor('filing.update', { section: 'basic' }))
      .loginAs(account.user)
      .form(fields.basic)
      .withCsrfToken()
      .redirects(0)
    const user = await reload(account)
    const big = Buffer.concat([TINY_PDF, Buffer.alloc(10 * 1024 * 1024)])
    const tooBig = await withFields(
      client.post(urlFor('filing.update', { section: 'qualifications' })).loginAs(user),
      fields.qualifications
    )
      .file('files[licenceDocument]', big, { filename: 'big.pdf' })
      .withCsrfToken()
      .redirects(0)
    assert.include(fieldErrors(tooBig, 'licenceDocument'), '文件不能超过 10 MB')

    const other = await db
      .table('institutions')
      .insert({
        name: '别人的机构',
        region_code: '220104',
        province_code: '220000',
        city_code: '220100',
        county_code: '220104',
        created_at: new Date(),
        updated_at: new Date(),
      })
      .returning('id')
    const [foreign] = await db
      .table('registry_documents')
      .insert({
        institution_id: other[0].id,
        kind: 'licence',
        storage_key: 'x/other.pdf',
        original_name: 'other.pdf',
        mime_type: 'application/pdf',
        size_bytes: 1,
        sha256: 'x',
        created_at: new Date(),
      })
      .returning('id')
    await withFields(
      client.post(urlFor('filing.update', { section: 'qualifications' })).loginAs(user),
      {
        ...fields.qualifications,
        licenceDocument: String(foreign.id),
        legalCertDocument: String(foreign.id),
      }
    )
      .withCsrfToken()
      .redirects(0)
    const saved = await db.from('filing_sections').where('section', 'qualifications').firstOrFail()
    assert.isUndefined(saved.data.licenceDocument)
    assert.isFalse(saved.complete)
  })
})
