import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { drainOutbox } from '#kernel/shared/outbox_drain'
import { CurrentUserProvider } from '#modules/identity'
import { createTestAccount } from '#testing/identity'
import { createFiledInstitution } from '#testing/registry'
import { fieldErrors } from '#tests/helpers/http'

const userOf = async (id: number) => (await new CurrentUserProvider().findById(id))!.getOriginal()

async function world() {
  const institution = await createFiledInstitution({ regionCode: '220104' })
  const other = await createFiledInstitution({ regionCode: '220104' })
  await drainOutbox()
  const account = (input: Parameters<typeof createTestAccount>[0]) =>
    createTestAccount(input).then((a) => userOf(a.id))
  return {
    institution,
    other,
    owner: await account({
      role: 'institution_owner',
      orgType: 'institution',
      orgId: institution.id,
    }),
    staff: await account({
      role: 'institution_staff',
      orgType: 'institution',
      orgId: institution.id,
    }),
    otherOwner: await account({
      role: 'institution_owner',
      orgType: 'institution',
      orgId: other.id,
    }),
    county: await account({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
      unitName: '朝阳区教育局',
    }),
    elsewhere: await account({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220102',
      unitName: '南关区教育局',
    }),
  }
}

const REASON = '投诉已由教育部门认定不属实，请核减相应扣分。'

test.group('Credit objections (异议)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the owner files one from its terminal; the bureau answers; the history is kept', async ({
    client,
    assert,
  }) => {
    const w = await world()
    const page = await client.get('/institution/credit').loginAs(w.owner)
    page.assertStatus(200)
    assert.include(page.text(), 'data-testid="credit-grade">B 级')
    const filed = await client
      .post('/institution/credit/objections')
      .loginAs(w.owner)
      .withCsrfToken()
      .form({ institutionId: String(w.institution.id), reason: REASON })
      .redirects(0)
    filed.assertStatus(302)
    assert.equal(filed.flashMessage('success'), '异议已提交，教育部门将予以答复。')
    const row = await db
      .from('credit_objections')
      .where('institution_id', w.institution.id)
      .firstOrFail()
    assert.include(row, { status: 'open', score: 960, grade: 'B', reason: REASON })

    const twice = await client
      .post('/institution/credit/objections')
      .loginAs(w.owner)
      .withCsrfToken()
      .form({ institutionId: String(w.institution.id), reason: REASON })
      .redirects(0)
    assert.equal(fieldErrors(twice, 'reason')[0], '已有一项异议正在处理，请等待答复后再提出。')

    const list = await client.get('/manage/credit/objections').loginAs(w.county)
    assert.include(list.text(), `data-testid="objection-${row.id}"`)
    const elsewhereList = await client.get('/manage/credit/objections').loginAs(w.elsewhere)
    assert.notInclude(elsewhereList.text(), `data-testid="objection-${row.id}"`)
    const outside = await client
      .post(`/manage/credit/objections/${row.id}/answer`)
      .loginAs(w.elsewhere)
      .withCsrfToken()
      .form({ outcome: 'upheld', answer: '经核查属实。' })
    outside.assertStatus(404)

    const answered = await client
      .post(`/manage/credit/objections/${row.id}/answer`)
      .loginAs(w.county)
      .withCsrfToken()
      .form({ outcome: 'dismissed', answer: '投诉经核实属实，扣分依据充分。' })
      .redirects(0)
    answered.assertStatus(302)
    const after = await db.from('credit_objections').where('id', row.id).firstOrFail()
    assert.include(after, { status: 'dismissed', answered_by_unit: '朝阳区教育局' })
    const again = await client
      .post(`/manage/credit/objections/${row.id}/answer`)
      .loginAs(w.county)
      .withCsrfToken()
      .form({ outcome: 'upheld', answer: '改为异议成立。' })
      .redirects(0)
    assert.equal(again.flashMessage('error'), '该异议已答复。')
    assert.equal(
      (await db.from('credit_objections').where('id', row.id).firstOrFail()).status,
      'dismissed'
    )
    const audit = await db
      .from('audit_events')
      .whereIn('action', ['credit.objection.filed', 'credit.objection.dismissed'])
      .where('subject_id', String(w.institution.id))
    assert.lengthOf(audit, 2)

    const mine = await client.get('/institution/credit').loginAs(w.owner)
    assert.include(mine.text(), '异议不成立')
    assert.include(mine.text(), '朝阳区教育局答复：投诉经核实属实，扣分依据充分。')
  })

  test('another institution’s objection is 404; staff may read but not object', async ({
    client,
    assert,
  }) => {
    const w = await world()
    const theirs = await client
      .post('/institution/credit/objections')
      .loginAs(w.otherOwner)
      .withCsrfToken()
      .form({ institutionId: String(w.institution.id), reason: REASON })
    theirs.assertStatus(404)
    const staff = await client
      .post('/institution/credit/objections')
      .loginAs(w.staff)
      .withCsrfToken()
      .form({ institutionId: String(w.institution.id), reason: REASON })
    staff.assertStatus(403)
    ;(await client.get('/institution/credit').loginAs(w.staff)).assertStatus(200)
    const short = await client
      .post('/institution/credit/objections')
      .loginAs(w.owner)
      .withCsrfToken()
      .form({ institutionId: String(w.institution.id), reason: '不服' })
      .redirects(0)
    assert.isNotEmpty(fieldErrors(short, 'reason'))
    assert.lengthOf(
      await db.from('credit_objections').whereIn('institution_id', [w.institution.id, w.other.id]),
      0
    )
  })

  test('an upheld objection recomputes the score with the objection as its cause', async ({
    client,
    assert,
  }) => {
    const w = await world()
    await client
      .post('/institution/credit/objections')
      .loginAs(w.owner)
      .withCsrfToken()
      .form({ institutionId: String(w.institution.id), reason: REASON })
    const row = await db
      .from('credit_objections')
      .where('institution_id', w.institution.id)
      .firstOrFail()
    /* The fact behind the factor was corrected where it belongs: the course is now sold on the platform. */
    await db
      .from('credit_scores')
      .where('institution_id', w.institution.id)
      .update({ score: 900, grade: 'C' })
    await client
      .post(`/manage/credit/objections/${row.id}/answer`)
      .loginAs(w.county)
      .withCsrfToken()
      .form({ outcome: 'upheld', answer: '经核查，扣分有误，予以更正。' })
    const last = await db
      .from('credit_score_changes')
      .where('institution_id', w.institution.id)
      .orderBy('id', 'desc')
      .firstOrFail()
    assert.include(last, {
      cause: 'objection',
      cause_ref: String(row.id),
      from_score: 900,
      to_score: 960,
    })
  })
})
