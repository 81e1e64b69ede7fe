import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { CurrentUserProvider } from '#modules/identity'
import { createTestAccount } from '#testing/identity'
import { createFiledInstitution } from '#testing/registry'
import { fileTestComplaint } from '../../testing.js'
import { EscalateToBureau } from '../../actions/complainant_steps.js'
import { AcceptCase, NoteInvestigation } from '../../actions/bureau_handling.js'
import { complaintsCounter } from '../../queries/complaint_counters.js'

const userOf = async (id: number) => (await new CurrentUserProvider().findById(id))!.getOriginal()

async function fixture() {
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
  const county = await userOf(
    (
      await createTestAccount({
        role: 'admin',
        adminLevel: 'county',
        regionCode: '220104',
        unitName: '长春市朝阳区教育局',
      })
    ).id
  )
  return { institution, owner, county }
}

test.group('Complaints: tip-offs stay confidential', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an institution never sees a tip-off about itself (list, page, counts)', async ({
    client,
    assert,
  }) => {
    const { institution, owner, county } = await fixture()
    const { complaint: service } = await fileTestComplaint({
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

    for (const tab of ['todo', 'all']) {
      const list = await client.get(`/institution/complaints?tab=${tab}`).loginAs(owner)
      list.assertStatus(200)
      assert.notInclude(list.text(), tipOff.number, `the ${tab} list does not show the tip-off`)
    }
    assert.include(
      (await client.get('/institution/complaints?tab=all').loginAs(owner)).text(),
      service.number,
      'complaints about its service stay visible'
    )

    const page = await client.get(`/institution/complaints/${tipOff.id}`).loginAs(owner)
    page.assertStatus(404)
    assert.notInclude(page.text(), '张*华')
    assert.notInclude(page.text(), '139****0201')
    ;(
      await client
        .post(`/institution/complaints/${tipOff.id}/respond`)
        .loginAs(owner)
        .withCsrfToken()
        .form({ response: '我们没有违规招生，请核实。' })
        .redirects(0)
    ).assertStatus(404)

    /* Its own view of the counters statistics sums (the statistics page itself is tested in modules/statistics). */
    const counted = await complaintsCounter.count({
      institutionIds: [institution.id],
      institutionView: true,
    })
    assert.equal(
      counted.find((r) => r.metric === 'complaints')?.value,
      1,
      'its own view counts only the complaint'
    )
    assert.isUndefined(counted.find((r) => r.metric === 'complaints.type.enrolment'))

    /* The bureau still has the tip-off in front of it. */
    const bureau = await client.get('/manage/complaints?tab=all').loginAs(county)
    assert.include(bureau.text(), tipOff.number)
  })

  test("the institution's trail omits the bureau's investigation notes", async ({
    client,
    assert,
  }) => {
    const { institution, owner, county } = await fixture()
    const { complaint } = await fileTestComplaint({
      targetType: 'institution',
      complaintType: 'refund',
      institutionId: institution.id,
      targetRegionCode: null,
    })
    await new EscalateToBureau().handle(complaint.id, '机构拒绝退费')
    await new AcceptCase().handle(county, complaint.id)
    const note = '已调取该机构收费台账，拟于下周突击检查教学点'
    await new NoteInvestigation().handle(county, complaint.id, note)

    const page = await client.get(`/institution/complaints/${complaint.id}`).loginAs(owner)
    page.assertStatus(200)
    assert.notInclude(page.text(), note)
    assert.notInclude(page.text(), 'data-step="investigating"')
    assert.include(page.text(), 'data-step="accepted"', 'the public steps of its case remain')

    const bureau = await client.get(`/manage/complaints/${complaint.id}`).loginAs(county)
    assert.include(bureau.text(), note, 'the bureau keeps its own notes')
  })
})
