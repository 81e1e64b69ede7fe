import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import emitter from '@adonisjs/core/services/emitter'
import { CurrentUserProvider } from '#modules/identity'
import { createTestAccount } from '#testing/identity'
import { createFiledInstitution } from '../../testing.js'
import { RemoveInstitution } from '../../actions/remove_institution.js'
import Institution from '../../models/institution.js'

const rows = async (table: string, where: Record<string, unknown>) =>
  Number((await db.from(table).where(where).count('* as n'))[0].n)

/** Makes one table refuse inserts for the rest of the test (the DDL rolls back with it). */
async function refuseInserts(table: string, message: string) {
  await db.rawQuery(
    `CREATE FUNCTION refuse_${table}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${message}'; END $$`
  )
  await db.rawQuery(
    `CREATE TRIGGER refuse_${table} BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_${table}()`
  )
}

async function fixture() {
  const institution = await createFiledInstitution({ name: '撤除原子性培训学校' })
  const county = await createTestAccount({
    role: 'admin',
    adminLevel: 'county',
    regionCode: '220104',
    unitName: '长春市朝阳区教育局',
  })
  const actor = (await new CurrentUserProvider().findById(county.user.id))!.getOriginal()
  return { institution, actor }
}

const remove = async (actor: Awaited<ReturnType<typeof fixture>>['actor'], id: number) =>
  new RemoveInstitution().handle(actor, await Institution.findOrFail(id), '已停止办学', true)

test.group(
  'Removal: the change, its notice, its audit entry and its event commit together',
  (group) => {
    group.each.setup(() => testUtils.db().withGlobalTransaction())
    group.each.teardown(() => emitter.restore())

    test('a removal, its notice and its audit entry commit together (a failure in one rolls back all)', async ({
      assert,
    }) => {
      const { institution, actor } = await fixture()
      const events = emitter.fake(['registry:institution_removed'])

      await refuseInserts('audit_events', 'audit log unavailable')
      await assert.rejects(() => remove(actor, institution.id), /audit log unavailable/)
      assert.isNull(
        (await db.from('institutions').where('id', institution.id).firstOrFail()).removed_at,
        'not removed without its audit entry'
      )
      assert.equal(
        await rows('public_notices', { institution_id: institution.id, kind: 'removal' }),
        0,
        'no notice of a removal that did not happen'
      )
      assert.equal(await rows('outbox_events', { event: 'registry:institution_removed' }), 0)
      events.assertNotEmitted('registry:institution_removed')
      await db.rawQuery('DROP TRIGGER refuse_audit_events ON audit_events')

      await refuseInserts('public_notices', 'notices unavailable')
      await assert.rejects(() => remove(actor, institution.id), /notices unavailable/)
      assert.isNull(
        (await db.from('institutions').where('id', institution.id).firstOrFail()).removed_at,
        'not removed without its notice'
      )
      assert.equal(
        await rows('audit_events', {
          action: 'registry.institution_removed',
          subject_id: String(institution.id),
        }),
        0,
        'no audit entry of a removal that did not happen'
      )
      events.assertNotEmitted('registry:institution_removed')
      await db.rawQuery('DROP TRIGGER refuse_public_notices ON public_notices')

      await remove(actor, institution.id)
      assert.isNotNull(
        (await db.from('institutions').where('id', institution.id).firstOrFail()).removed_at
      )
      assert.equal(
        await rows('public_notices', { institution_id: institution.id, kind: 'removal' }),
        1
      )
      assert.equal(
        await rows('audit_events', {
          action: 'registry.institution_removed',
          subject_id: String(institution.id),
        }),
        1
      )
      events.assertEmittedCount('registry:institution_removed', 1)
    })

    test('a second removal is refused: one removal, one notice, one event', async ({ assert }) => {
      const { institution, actor } = await fixture()
      const events = emitter.fake(['registry:institution_removed'])
      await remove(actor, institution.id)
      await assert.rejects(() => remove(actor, institution.id), /registry.removal.already_removed/)
      assert.equal(
        await rows('public_notices', { institution_id: institution.id, kind: 'removal' }),
        1
      )
      events.assertEmittedCount('registry:institution_removed', 1)
    })
  }
)
