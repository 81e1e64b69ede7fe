import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { CurrentUserProvider } from '#modules/identity'
import { createTestAccount, uniquePhone } from '#testing/identity'
import { deliveriesOf, lastMessageTo } from '#testing/messages'
import { createFiledInstitution } from '#testing/registry'
import { fileTestComplaint } from '../../testing.js'
import { RespondAsInstitution } from '../../actions/respond_as_institution.js'

const userOf = async (id: number) => (await new CurrentUserProvider().findById(id))!.getOriginal()

test.group(
  'Complaints: texts to the complainant go out after commit, through the messages module',
  (group) => {
    group.each.setup(() => testUtils.db().withGlobalTransaction())

    test('a step that rolls back texts nobody; a committed one texts once', async ({ assert }) => {
      const institution = await createFiledInstitution({ regionCode: '220104' })
      const owner = await userOf(
        (
          await createTestAccount({
            role: 'institution_owner',
            orgType: 'institution',
            orgId: institution.id,
          })
        ).id
      )
      const phone = uniquePhone()
      const { complaint } = await fileTestComplaint({
        phone,
        targetType: 'institution',
        complaintType: 'service',
        institutionId: institution.id,
        targetRegionCode: null,
      })
      const before = await lastMessageTo(phone)

      /* The case row refuses the update, after the step and the text were queued in the same transaction. */
      await db.rawQuery(
        `CREATE FUNCTION refuse_complaint_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'case store unavailable'; END $$`
      )
      await db.rawQuery(
        `CREATE TRIGGER refuse_complaint_update BEFORE UPDATE ON complaints FOR EACH ROW EXECUTE FUNCTION refuse_complaint_update()`
      )
      await assert.rejects(
        () => new RespondAsInstitution().handle(owner, complaint.id, '已电话联系家长，下周补课。'),
        /case store unavailable/
      )
      assert.equal(await lastMessageTo(phone), before, 'no text for a response that was not saved')
      assert.lengthOf(await deliveriesOf('complaint_update'), 0)
      await db.rawQuery('DROP TRIGGER refuse_complaint_update ON complaints')

      await new RespondAsInstitution().handle(owner, complaint.id, '已电话联系家长，下周补课。')
      assert.include(await lastMessageTo(phone), `您的投诉 ${complaint.number} 已有机构答复`)
      const texts = await deliveriesOf('complaint_update')
      assert.lengthOf(texts, 1)
      assert.equal(texts[0].status, 'sent')
      assert.isNull(texts[0].params_cipher, 'nothing but the masked log is kept once it is sent')
      assert.notInclude(JSON.stringify(texts[0]), phone, 'the log keeps no phone in clear')
    })
  }
)
