import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { CurrentUserProvider } from '#modules/identity'
import { createTestAccount, uniquePhone } from '#testing/identity'
import { codeIn, lastMessageTo } from '#testing/messages'
import { TINY_PDF, TINY_PNG, createFiledInstitution } from '#testing/registry'
import { fieldErrors } from '#tests/helpers/http'
import { fileTestComplaint } from '../../testing.js'

const userOf = async (id: number) => (await new CurrentUserProvider().findById(id))!.getOriginal()
const count = async () => Number((await db.from('complaints').count('* as n').first())!.n)

const FORM = {
  name: '张晓明',
  targetType: 'other',
  complaintType: 'unlicensed',
  region_province: '220000',
  region_city: '220100',
  region_county: '220104',
  targetName: '小区里的无证培训点',
  content: '每天晚上在居民楼里上数学课，二十多个孩子，没有消防通道。',
}

test.group('Complaints over HTTP: real-name filing, tracking, bad input', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the public files with a texted code, gets a tracking code once, and opens the case with it later', async ({
    client,
    assert,
  }) => {
    const phone = uniquePhone()
    const sent = await client.post('/complaints/code').withCsrfToken().form({ phone })
    sent.assertStatus(200)
    assert.include(sent.text(), 'data-testid="code-status"')
    const code = codeIn(await lastMessageTo(phone))!
    const filed = await client
      .post('/complaints')
      .withCsrfToken()
      .fields({ ...FORM, phone, code })
      .file('attachments', TINY_PNG, { filename: '现场照片.png' })
      .redirects(0)
    filed.assertStatus(302)
    const row = await db.from('complaints').orderBy('id', 'desc').first()
    assert.equal(row.kind, 'tip_off')
    assert.equal(row.handler_region_code, '220104')
    assert.notInclude(row.phone_cipher, phone, 'the phone is sealed')
    assert.equal(row.phone_masked, `${phone.slice(0, 3)}****${phone.slice(-4)}`)
    assert.equal(
      Number(
        (await db
          .from('complaint_attachments')
          .where('complaint_id', row.id)
          .count('* as n')
          .first())!.n
      ),
      1
    )
    assert.equal(filed.header('location'), `/complaints/cases/${row.number}`)
    /* Opening with a wrong code fails; the number alone reveals nothing. */
    const wrong = await client
      .post('/complaints/track')
      .withCsrfToken()
      .form({ number: row.number, trackingCode: 'AAAAAAAAAA' })
      .redirects(0)
    assert.include(fieldErrors(wrong, 'trackingCode').join(), '不正确')
    ;(await client.get(`/complaints/cases/${row.number}`)).assertStatus(404)
  })

  test('the tracking code reaches the next page sealed: never in clear in the session store', async ({
    client,
    assert,
  }) => {
    const phone = uniquePhone()
    await client.post('/complaints/code').withCsrfToken().form({ phone })
    const code = codeIn(await lastMessageTo(phone))!
    const filed = await client
      .post('/complaints')
      .withCsrfToken()
      .fields({ ...FORM, phone, code })
      .redirects(0)
    filed.assertStatus(302)
    const tracking = (await lastMessageTo(phone))!.match(/查询码 ([A-Z0-9]+)/)![1]!
    const flashed = filed.flashMessages()
    assert.notProperty(flashed, 'trackingCode')
    assert.notInclude(JSON.stringify(flashed), tracking, 'the flash holds only a sealed copy')
    const page = await client
      .get(filed.header('location')!)
      .withSession(filed.session())
      .withFlashMessages(flashed)
    page.assertStatus(200)
    assert.include(page.text(), tracking, 'the filer still sees the code once')
  })

  test('the tracking code shown after filing opens the case in a new session', async ({
    client,
    assert,
  }) => {
    const { complaint, trackingCode } = await fileTestComplaint({ channel: 'public' })
    const opened = await client
      .post('/complaints/track')
      .withCsrfToken()
      .form({ number: complaint.number, trackingCode: trackingCode!.toLowerCase() })
      .redirects(0)
    opened.assertStatus(302)
    assert.equal(opened.header('location'), `/complaints/cases/${complaint.number}`)
  })

  test('anonymous or incomplete complaints are refused with clear messages, and nothing is stored', async ({
    client,
    assert,
  }) => {
    const before = await count()
    const noName = await client
      .post('/complaints')
      .withCsrfToken()
      .form({ ...FORM, name: '', phone: '', code: '123456' })
      .redirects(0)
    assert.isNotEmpty(fieldErrors(noName, 'name'))
    assert.isNotEmpty(fieldErrors(noName, 'phone'))
    const parent = await createTestAccount({ role: 'parent' })
    const nowhere = await client
      .post('/parent/complaints')
      .loginAs(await userOf(parent.id))
      .withCsrfToken()
      .form({
        ...FORM,
        phone: uniquePhone(),
        region_province: '990000',
        region_city: '',
        region_county: '',
      })
      .redirects(0)
    assert.include(fieldErrors(nowhere, 'region').join(), '区县')
    const cityOnly = await client
      .post('/parent/complaints')
      .loginAs(await userOf(parent.id))
      .withCsrfToken()
      .form({ ...FORM, phone: uniquePhone(), region_county: '' })
      .redirects(0)
    assert.isNotEmpty(fieldErrors(cityOnly, 'region'))
    assert.equal(await count(), before)
  })

  test('oversized and wrong-type attachments are refused by content, not by name', async ({
    client,
    assert,
  }) => {
    const parent = await createTestAccount({ role: 'parent' })
    const user = await userOf(parent.id)
    const before = await count()
    const big = Buffer.concat([TINY_PDF, Buffer.alloc(5 * 1024 * 1024 + 1)])
    const tooBig = await client
      .post('/parent/complaints')
      .loginAs(user)
      .withCsrfToken()
      .fields({ ...FORM, phone: uniquePhone() })
      .file('attachments', big, { filename: '证据.pdf' })
      .redirects(0)
    assert.isNotEmpty(fieldErrors(tooBig, 'attachments'))
    const fake = await client
      .post('/parent/complaints')
      .loginAs(user)
      .withCsrfToken()
      .fields({ ...FORM, phone: uniquePhone() })
      .file('attachments', Buffer.from('<script>alert(1)</script>'), { filename: '照片.jpg' })
      .redirects(0)
    assert.include(fieldErrors(fake, 'attachments').join(), 'PDF')
    assert.equal(await count(), before)
  })

  test('a parent files about an order; nobody else can open the case', async ({
    client,
    assert,
  }) => {
    const parent = await createTestAccount({ role: 'parent' })
    const other = await createTestAccount({ role: 'parent' })
    const filed = await client
      .post('/parent/complaints')
      .loginAs(await userOf(parent.id))
      .withCsrfToken()
      .form({ ...FORM, phone: uniquePhone() })
      .redirects(0)
    filed.assertStatus(302)
    const path = filed.header('location')!
    ;(await client.get(path).loginAs(await userOf(parent.id))).assertStatus(200)
    ;(await client.get(path).loginAs(await userOf(other.id))).assertStatus(404)
    ;(await client.get(path)).assertStatus(404)
    const refused = await client
      .post(`${path}/withdraw`)
      .loginAs(await userOf(other.id))
      .withCsrfToken()
      .redirects(0)
    refused.assertStatus(404)
    const list = await client.get('/parent/complaints').loginAs(await userOf(parent.id))
    assert.include(list.text(), path.split('/').at(-1)!)
  })
})

test.group('Complaints over HTTP: bureau scope and personal data', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a county sees its own complaints only; the province sees all its counties; the handling county alone reveals the complainant, audited', async ({
    client,
    assert,
  }) => {
    const here = await fileTestComplaint({ targetRegionCode: '220104', phone: '13712345678' })
    const there = await fileTestComplaint({ targetRegionCode: '220102' })
    const county = await userOf(
      (await createTestAccount({ role: 'admin', adminLevel: 'county', regionCode: '220104' })).id
    )
    const other = await userOf(
      (await createTestAccount({ role: 'admin', adminLevel: 'county', regionCode: '220102' })).id
    )
    const province = await userOf(
      (await createTestAccount({ role: 'admin', adminLevel: 'province', regionCode: '220000' })).id
    )

    const mine = await client.get('/manage/complaints?tab=all').loginAs(county)
    assert.include(mine.text(), here.complaint.number)
    assert.notInclude(mine.text(), there.complaint.number)
    const all = await client.get('/manage/complaints?tab=all').loginAs(province)
    assert.include(all.text(), here.complaint.number)
    assert.include(all.text(), there.complaint.number)
    ;(await client.get(`/manage/complaints/${here.complaint.id}`).loginAs(other)).assertStatus(404)

    const seenAbove = await client.get(`/manage/complaints/${here.complaint.id}`).loginAs(province)
    seenAbove.assertStatus(200)
    assert.include(seenAbove.text(), '137****5678')
    assert.notInclude(seenAbove.text(), '13712345678')
    ;(
      await client
        .post(`/manage/complaints/${here.complaint.id}/reveal`)
        .loginAs(province)
        .withCsrfToken()
        .redirects(0)
    ).assertStatus(403)
    ;(
      await client
        .post(`/manage/complaints/${here.complaint.id}/accept`)
        .loginAs(province)
        .withCsrfToken()
        .redirects(0)
    ).assertStatus(403)

    const revealed = await client
      .post(`/manage/complaints/${here.complaint.id}/reveal`)
      .loginAs(county)
      .withCsrfToken()
    assert.include(revealed.text(), '13712345678')
    assert.include(revealed.text(), '王丽')
    const audit = await db
      .from('audit_events')
      .where('action', 'complaints.reveal_complainant')
      .where('subject_id', String(here.complaint.id))
      .first()
    assert.exists(audit)
    assert.notInclude(audit.summary, '13712345678')
  })

  test('the institution sees complaints about itself, masked, and answers them', async ({
    client,
    assert,
  }) => {
    const institution = await createFiledInstitution({ regionCode: '220104' })
    const otherInstitution = await createFiledInstitution({ regionCode: '220104' })
    const owner = await userOf(
      (
        await createTestAccount({
          role: 'institution_owner',
          orgType: 'institution',
          orgId: institution.id,
        })
      ).id
    )
    const stranger = await userOf(
      (
        await createTestAccount({
          role: 'institution_owner',
          orgType: 'institution',
          orgId: otherInstitution.id,
        })
      ).id
    )
    const { complaint } = await fileTestComplaint({
      targetType: 'institution',
      complaintType: 'service',
      institutionId: institution.id,
      targetRegionCode: null,
      phone: '13712345678',
    })
    const list = await client.get('/institution/complaints').loginAs(owner)
    assert.include(list.text(), complaint.number)
    const page = await client.get(`/institution/complaints/${complaint.id}`).loginAs(owner)
    assert.include(page.text(), '137****5678')
    assert.notInclude(page.text(), '13712345678')
    ;(await client.get(`/institution/complaints/${complaint.id}`).loginAs(stranger)).assertStatus(
      404
    )
    const tooShort = await client
      .post(`/institution/complaints/${complaint.id}/respond`)
      .loginAs(owner)
      .withCsrfToken()
      .form({ response: '好' })
      .redirects(0)
    assert.isNotEmpty(fieldErrors(tooShort, 'response'))
    const answered = await client
      .post(`/institution/complaints/${complaint.id}/respond`)
      .loginAs(owner)
      .withCsrfToken()
      .form({ response: '已电话联系家长，下周补课。' })
      .redirects(0)
    answered.assertStatus(302)
    assert.equal(
      (await db.from('complaints').where('id', complaint.id).first()).status,
      'responded'
    )
  })
})

test.group('Complaints over HTTP: a related order must match the target', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an order with one institution cannot back a complaint about another', async ({
    client,
    assert,
  }) => {
    const { courseDraft, createCourse, signedContractFixture } = await import('#testing/catalog')
    const { fundsRecordsFor } = await import('#testing/funds')
    const a = await createFiledInstitution({ regionCode: '220104' })
    const b = await createFiledInstitution({ regionCode: '220104' })
    const parent = await createTestAccount({ role: 'parent' })
    const { orderId } = await fundsRecordsFor(
      await signedContractFixture((await createCourse(a.id, courseDraft())).id, parent.id)
    )
    const before = await count()
    const form = {
      ...FORM,
      targetType: 'institution',
      complaintType: 'service',
      institutionId: String(b.id),
      orderId: String(orderId),
      phone: uniquePhone(),
    }
    const refused = await client
      .post('/parent/complaints')
      .loginAs(await userOf(parent.id))
      .withCsrfToken()
      .form(form)
      .redirects(0)
    assert.include(fieldErrors(refused, 'orderId').join(), '不是被投诉机构的订单')
    assert.equal(await count(), before)
    const ok = await client
      .post('/parent/complaints')
      .loginAs(await userOf(parent.id))
      .withCsrfToken()
      .form({ ...form, institutionId: '' })
      .redirects(0)
    ok.assertStatus(302)
    const row = await db.from('complaints').orderBy('id', 'desc').first()
    assert.deepInclude(row, { institution_id: a.id, order_id: orderId, status: 'with_institution' })
  })
})
