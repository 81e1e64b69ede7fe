import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { CurrentUserProvider } from '#modules/identity'
import { createTestAccount } from '#testing/identity'
import { createFiledInstitution } from '#testing/registry'
import { fileTestComplaint } from '#testing/complaints'
import { ownFigures } from '../../queries/dashboard_institution.js'

const userOf = async (id: number) => (await new CurrentUserProvider().findById(id))!.getOriginal()

/* Moved from the complaints module's tip-off test with the statistics it checks. */
test.group('Statistics: tip-offs stay confidential', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test("an institution's own figures never count a tip-off about it", async ({
    client,
    assert,
  }) => {
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
    await fileTestComplaint({
      targetType: 'institution',
      complaintType: 'service',
      institutionId: institution.id,
      targetRegionCode: null,
    })
    const { complaint: tipOff } = await fileTestComplaint({
      name: '张小华',
      phone: '13900000201',
      targetType: 'institution',
      complaintType: 'enrolment',
      institutionId: institution.id,
      targetRegionCode: null,
      content: '该机构在寒假违规开设学科类培训班，地点在二楼教室。',
    })
    assert.equal(tipOff.kind, 'tip_off')

    const figures = await ownFigures(institution.id)
    assert.equal(figures['complaints'], 1, 'its own figures count only the complaint')
    assert.isUndefined(figures['complaints.type.enrolment'])
    ;(await client.get('/institution/statistics').loginAs(owner)).assertStatus(200)
  })
})
