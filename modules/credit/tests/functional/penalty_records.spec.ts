import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { CurrentUserProvider } from '#modules/identity'
import { createTestAccount } from '#testing/identity'
import { createFiledInstitution } from '#testing/registry'
import { fieldErrors } from '#tests/helpers/http'

const userOf = async (id: number) => (await new CurrentUserProvider().findById(id))!.getOriginal()
const today = () => DateTime.now().setZone('Asia/Shanghai').toISODate()!
const inDays = (n: number) => DateTime.now().setZone('Asia/Shanghai').plus({ days: n }).toISODate()!

async function bureau(regionCode: string, adminLevel: 'county' | 'city' | 'subunit' = 'county') {
  const account = await createTestAccount({
    role: 'admin',
    adminLevel,
    regionCode,
    unitName: '朝阳区教育局',
  })
  return userOf(account.id)
}

const decision = (institutionId: number, overrides: Record<string, string> = {}) => ({
  institutionId: String(institutionId),
  kind: 'fine',
  amountYuan: '20000',
  documentNumber: `朝教罚决字〔2026〕第 ${Math.floor(Math.random() * 1e6)} 号`,
  decidedOn: today(),
  facts: '超前收费，一次性收取超过 3 个月的培训费用。',
  legalBasis: '《校外培训行政处罚暂行办法》第十九条',
  publishUntil: inDays(180),
  ...overrides,
})

test.group('Administrative penalties', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a county bureau records a fine; it is audited and published on the credit page', async ({
    client,
    assert,
  }) => {
    const institution = await createFiledInstitution({ regionCode: '220104' })
    const county = await bureau('220104')
    const form = decision(institution.id)
    const response = await client
      .post('/manage/credit/penalties')
      .loginAs(county)
      .withCsrfToken()
      .form(form)
      .redirects(0)
    response.assertStatus(302)
    assert.include(response.flashMessage('success'), form.documentNumber)
    const row = await db.from('credit_penalties').where('institution_id', institution.id).first()
    assert.equal(row.kind, 'fine')
    assert.equal(Number(row.amount_fen), 2_000_000)
    assert.equal(row.county_code, '220104')
    const audit = await db
      .from('audit_events')
      .where('action', 'credit.penalty.recorded')
      .where('subject_id', String(institution.id))
      .first()
    assert.exists(audit)
    const outbox = await db
      .from('outbox_events')
      .where('event', 'credit:penalty_recorded')
      .orderBy('id', 'desc')
      .first()
    assert.equal(outbox.payload.institutionId, institution.id)

    const page = await client.get(`/institutions/${institution.id}/credit`)
    page.assertStatus(200)
    assert.include(page.text(), form.documentNumber)
    assert.include(page.text(), '罚款')
    assert.include(page.text(), '20,000.00')

    const list = await client.get('/manage/credit/penalties').loginAs(county)
    assert.include(list.text(), `data-testid="penalty-${row.id}"`)

    /* The form finds the institution by name within the bureau's region only. */
    const found = await client
      .get(`/manage/credit/penalties/new?q=${encodeURIComponent(institution.name)}`)
      .loginAs(county)
    assert.include(found.text(), `data-testid="choose-${institution.id}"`)
    const other = await bureau('220102')
    const hidden = await client
      .get(`/manage/credit/penalties/new?q=${encodeURIComponent(institution.name)}`)
      .loginAs(other)
    hidden.assertStatus(200)
    assert.notInclude(hidden.text(), `data-testid="choose-${institution.id}"`)
    assert.include(hidden.text(), '本辖区没有名称相符的机构。')
  })

  test('refused without document number or legal basis, with what was typed kept', async ({
    client,
    assert,
  }) => {
    const institution = await createFiledInstitution({ regionCode: '220104' })
    const county = await bureau('220104')
    const response = await client
      .post('/manage/credit/penalties')
      .loginAs(county)
      .withCsrfToken()
      .header('referer', '/manage/credit/penalties/new')
      .form(decision(institution.id, { documentNumber: '  ', legalBasis: '' }))
      .redirects(0)
    response.assertStatus(302)
    assert.isNotEmpty(fieldErrors(response, 'documentNumber'))
    assert.isNotEmpty(fieldErrors(response, 'legalBasis'))
    assert.match(fieldErrors(response, 'documentNumber')[0] ?? '', /处罚决定书文号/)
    assert.equal(response.flashMessage('facts'), decision(0).facts)
    const fineless = await client
      .post('/manage/credit/penalties')
      .loginAs(county)
      .withCsrfToken()
      .form(decision(institution.id, { amountYuan: '' }))
      .redirects(0)
    assert.isNotEmpty(fieldErrors(fineless, 'amountYuan'))
    const count = await db.from('credit_penalties').where('institution_id', institution.id)
    assert.lengthOf(count, 0)
  })

  test('the same document number twice is refused on the field', async ({ client, assert }) => {
    const institution = await createFiledInstitution({ regionCode: '220104' })
    const county = await bureau('220104')
    const form = decision(institution.id, { kind: 'warning', amountYuan: '' })
    await client.post('/manage/credit/penalties').loginAs(county).withCsrfToken().form(form)
    const again = await client
      .post('/manage/credit/penalties')
      .loginAs(county)
      .withCsrfToken()
      .form(form)
      .redirects(0)
    assert.equal(fieldErrors(again, 'documentNumber')[0], '该文号的处罚决定已录入，请核对文号。')
    const rows = await db.from('credit_penalties').where('institution_id', institution.id)
    assert.lengthOf(rows, 1)
    assert.isNull(rows[0].amount_fen)
  })

  test('another region’s institution is 404; a sub-unit may not decide (403)', async ({
    client,
    assert,
  }) => {
    const elsewhere = await createFiledInstitution({ regionCode: '220102' })
    const county = await bureau('220104')
    const response = await client
      .post('/manage/credit/penalties')
      .loginAs(county)
      .withCsrfToken()
      .form(decision(elsewhere.id))
    response.assertStatus(404)
    const form = await client
      .get(`/manage/credit/penalties/new?institution=${elsewhere.id}`)
      .loginAs(county)
    form.assertStatus(404)
    const subunit = await bureau('220104', 'subunit')
    const own = await createFiledInstitution({ regionCode: '220104' })
    const refused = await client
      .post('/manage/credit/penalties')
      .loginAs(subunit)
      .withCsrfToken()
      .form(decision(own.id))
    refused.assertStatus(403)
    assert.lengthOf(
      await db.from('credit_penalties').whereIn('institution_id', [elsewhere.id, own.id]),
      0
    )
  })

  test('the region list shows only the region; publication ends on its date', async ({
    client,
    assert,
  }) => {
    const mine = await createFiledInstitution({ regionCode: '220104' })
    const theirs = await createFiledInstitution({ regionCode: '220102' })
    const county = await bureau('220104')
    const other = await bureau('220102')
    const ended = decision(mine.id, {
      kind: 'warning',
      amountYuan: '',
      decidedOn: inDays(-400),
      publishUntil: inDays(-1),
    })
    await client.post('/manage/credit/penalties').loginAs(county).withCsrfToken().form(ended)
    const current = decision(theirs.id, { kind: 'suspension', amountYuan: '' })
    await client.post('/manage/credit/penalties').loginAs(other).withCsrfToken().form(current)

    const list = await client.get('/manage/credit/penalties').loginAs(county)
    assert.include(list.text(), ended.documentNumber)
    assert.notInclude(list.text(), current.documentNumber)
    const city = await bureau('220100', 'city')
    const cityList = await client.get('/manage/credit/penalties').loginAs(city)
    assert.include(cityList.text(), ended.documentNumber)
    assert.include(cityList.text(), current.documentNumber)

    const page = await client.get(`/institutions/${mine.id}/credit`)
    assert.notInclude(page.text(), ended.documentNumber)
    assert.include(page.text(), 'data-testid="no-penalties"')
    const theirsPage = await client.get(`/institutions/${theirs.id}/credit`)
    assert.include(theirsPage.text(), '责令停止招生')
  })
})
