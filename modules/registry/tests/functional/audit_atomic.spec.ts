import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { CurrentUserProvider } from '#modules/identity'
import { createTestAccount } from '#testing/identity'
import { createFiledInstitution } from '../../testing.js'
import { ReviewFiling } from '../../actions/review_filing.js'
import { PlanInspection } from '../../actions/plan_inspection.js'
import FilingReview from '../../models/filing_review.js'
import Institution from '../../models/institution.js'

const rows = async (table: string, where: Record<string, unknown>) =>
  Number((await db.from(table).where(where).count('* as n'))[0].n)

/** Makes audit_events refuse inserts until dropped (the DDL rolls back with the test's transaction). */
async function refuseAudit() {
  await db.rawQuery(
    `CREATE FUNCTION refuse_audit_events() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit log unavailable'; END $$`
  )
  await db.rawQuery(
    `CREATE TRIGGER refuse_audit_events BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION refuse_audit_events()`
  )
}
const allowAudit = () => db.rawQuery('DROP TRIGGER refuse_audit_events ON audit_events')

async function fixture() {
  const institution = await createFiledInstitution({ name: '审计原子性培训学校' })
  const county = await createTestAccount({
    role: 'admin',
    adminLevel: 'county',
    regionCode: '220104',
    unitName: '长春市朝阳区教育局',
  })
  const actor = (await new CurrentUserProvider().findById(county.user.id))!.getOriginal()
  return { institution, actor }
}

/* Issue 13, item 16: no registry change commits without its audit entry, nor announces itself without committing. */
test.group('Registry: a change and its audit entry commit together', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a filing approval, its audit entry and its event commit together', async ({ assert }) => {
    const { institution, actor } = await fixture()
    await Institution.query().where('id', institution.id).update({ filing_status: 'submitted' })
    await FilingReview.create({
      institutionId: institution.id,
      snapshot: {},
      submittedAt: DateTime.now(),
      submittedById: actor.id,
    })

    await refuseAudit()
    await assert.rejects(
      () => new ReviewFiling().handle(actor, institution.id, { decision: 'approved' }),
      /audit log unavailable/
    )
    assert.equal(
      (await db.from('institutions').where('id', institution.id).firstOrFail()).filing_status,
      'submitted',
      'not approved without its audit entry'
    )
    assert.equal(
      await rows('filing_reviews', { institution_id: institution.id, decision: 'approved' }),
      0
    )
    assert.equal(
      await rows('outbox_events', { event: 'registry:filing_approved' }),
      0,
      'no event for an approval that did not happen'
    )
    await allowAudit()

    await new ReviewFiling().handle(actor, institution.id, { decision: 'approved' })
    assert.equal(
      (await db.from('institutions').where('id', institution.id).firstOrFail()).filing_status,
      'approved'
    )
    assert.equal(
      await rows('audit_events', {
        action: 'registry.filing_approved',
        subject_id: String(institution.id),
      }),
      1
    )
    assert.equal(await rows('outbox_events', { event: 'registry:filing_approved' }), 1)
  })

  test('an inspection is not planned without its audit entry', async ({ assert }) => {
    const { institution, actor } = await fixture()
    await refuseAudit()
    await assert.rejects(
      () =>
        new PlanInspection().handle(
          actor,
          institution,
          DateTime.now().plus({ days: 3 }).toISODate()!,
          '年度检查'
        ),
      /audit log unavailable/
    )
    assert.equal(await rows('inspections', { institution_id: institution.id }), 0)
    await allowAudit()
    const inspection = await new PlanInspection().handle(
      actor,
      institution,
      DateTime.now().plus({ days: 3 }).toISODate()!,
      '年度检查'
    )
    assert.equal(
      await rows('audit_events', {
        action: 'registry.inspection_planned',
        subject_id: String(inspection.id),
      }),
      1
    )
  })
})
