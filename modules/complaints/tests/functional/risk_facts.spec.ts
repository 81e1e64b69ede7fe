import testUtils from '@adonisjs/core/services/test_utils'
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { todayIso } from '#kernel/shared/dates'
import { complaintRiskFacts } from '#modules/complaints'
import { createFiledInstitution } from '#testing/registry'
import { fileTestComplaint, runComplaintDeadlines } from '#testing/complaints'

/* What the credit module's risk warnings read of complaints: counts, overdue answers, never a tip-off. */
test.group('Complaints: risk facts', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('complaints of the last 90 days and answers the institution let pass; tip-offs left out', async ({
    assert,
  }) => {
    const institution = await createFiledInstitution()
    const about = {
      targetType: 'institution' as const,
      institutionId: institution.id,
      targetName: institution.name,
      complaintType: 'service' as const,
    }
    const { complaint: first } = await fileTestComplaint(about)
    const { complaint: second } = await fileTestComplaint(about)
    await fileTestComplaint({ ...about, complaintType: 'unlicensed' as const })

    const now = await complaintRiskFacts({ institutionIds: [institution.id] })
    assert.deepInclude(now.get(institution.id)!, { complaints: 2, overdueAnswers: 0 })
    assert.sameMembers(now.get(institution.id)!.complaintIds, [first.id, second.id])

    /* Three weeks on, the institution's 5 working days have passed and the sweep escalated both. */
    const later = DateTime.fromISO(todayIso()).plus({ days: 21 })
    await runComplaintDeadlines(later.toISODate()!)
    const facts = await complaintRiskFacts({
      institutionIds: [institution.id],
      asOf: later.toJSDate(),
    })
    assert.deepInclude(facts.get(institution.id)!, { complaints: 2, overdueAnswers: 2 })
    const gone = await complaintRiskFacts({
      institutionIds: [institution.id],
      asOf: later.plus({ days: 100 }).toJSDate(),
    })
    assert.isFalse(gone.has(institution.id))
  })
})
