import testUtils from '@adonisjs/core/services/test_utils'
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { todayIso } from '#kernel/shared/dates'
import { openRectificationCase, registryRiskFacts } from '#modules/registry'
import { createFiledInstitution, createStaffMember, residentId } from '#testing/registry'
import { sealIdNumber } from '#kernel/shared/personal_data'
import Finding from '../../models/finding.js'
import ProhibitedPerson from '../../models/prohibited_person.js'

const day = (days: number) => DateTime.fromISO(todayIso()).plus({ days }).toISODate()!

/* What the credit module's risk warnings read from the registry, many institutions at once. */
test.group('Registry: risk facts', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('overdue findings, the licence’s days left and banned staff hired', async ({ assert }) => {
    const a = await createFiledInstitution({ licenceValidTo: day(20) })
    const b = await createFiledInstitution({ regionCode: '220102', licenceValidTo: day(400) })
    const opener = { automated: 'test' }
    const finding = { item: 'materials', severity: 'minor' as const, description: '教材未备案' }
    await openRectificationCase(opener, {
      ...finding,
      institutionId: a.id,
      deadline: day(10),
      purpose: '抽查',
    })
    await openRectificationCase(opener, {
      ...finding,
      institutionId: a.id,
      deadline: day(10),
      purpose: '抽查',
    })
    const overdue = await Finding.query().where('institution_id', a.id).firstOrFail()
    await Finding.query()
      .where('id', overdue.id)
      .update({ deadline: day(-1) })
    const idNumber = residentId(321)
    const banned = await createStaffMember(a.id, '张某', idNumber)
    await createStaffMember(b.id, '王老师', residentId(654))
    const sealed = sealIdNumber(idNumber)
    await ProhibitedPerson.create({
      name: '张某',
      idNumberCipher: sealed.cipher,
      idNumberIndex: sealed.index,
      idNumberMasked: sealed.masked,
      reason: 'professional_ban',
      source: 'test',
      regionCode: '220000',
      addedById: null,
      revokedAt: null,
    })

    const facts = await registryRiskFacts({ institutionIds: [a.id, b.id] })
    assert.deepInclude(facts.get(a.id)!, {
      overdueFindings: 1,
      findingIds: [overdue.id],
      licenceDaysLeft: 20,
      licenceValidTo: day(20),
      bannedStaff: 1,
      staffIds: [banned.id],
      regionCode: '220104',
      delivery: 'offline',
    })
    assert.deepInclude(facts.get(b.id)!, {
      overdueFindings: 0,
      licenceDaysLeft: 400,
      bannedStaff: 0,
      regionCode: '220102',
    })
    const later = await registryRiskFacts({
      institutionIds: [a.id],
      asOf: DateTime.now().plus({ days: 30 }).toJSDate(),
    })
    assert.equal(later.get(a.id)!.overdueFindings, 2)
    assert.equal(later.get(a.id)!.licenceDaysLeft, -10)
    assert.isTrue((await registryRiskFacts()).has(b.id))
  })
})
