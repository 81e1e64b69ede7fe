/*
| A school's after-school desk: the lists it may choose from, its choices
| with their provider's standing (a dropped provider is flagged with the
| checks it failed, so the school chooses again), its agreements and
| which of them it may rate now.
*/
import { DateTime } from 'luxon'
import { ZONE } from '#kernel/shared/dates'
import { institutionSummaries } from '#modules/registry'
import AfterschoolApplication from '../../calls/models/afterschool_application.js'
import { RATING_OPENS_DAYS_BEFORE_END } from '../actions/rate_provider.js'
import { agreementsOf, choicesOf, evaluationsOf, publishedCallsFor } from './school_lists.js'

export async function schoolDesk(schoolId: number) {
  const [calls, choices, agreements, evaluations] = await Promise.all([
    publishedCallsFor(schoolId),
    choicesOf(schoolId),
    agreementsOf(schoolId),
    evaluationsOf(schoolId),
  ])
  const applicationIds = [...new Set([...choices, ...agreements].map((r) => r.applicationId))]
  const applications = new Map(
    (applicationIds.length
      ? await AfterschoolApplication.query().whereIn('id', applicationIds)
      : []
    ).map((a) => [a.id, a])
  )
  const institutions = await institutionSummaries(
    [...applications.values()].map((a) => a.institutionId)
  )
  const nameOf = (applicationId: number) => {
    const a = applications.get(applicationId)
    return a ? (institutions.get(a.institutionId)?.name ?? `#${a.institutionId}`) : '—'
  }
  const today = DateTime.now().setZone(ZONE).toISODate()!
  const rated = new Set(evaluations.map((e) => e.agreementId))
  const live = choices.filter((c) => c.status === 'chosen')
  return {
    calls,
    choices,
    /* Live choices whose provider left the list: the school must choose again. */
    droppedChoices: live.filter((c) => applications.get(c.applicationId)?.droppedAt),
    applications,
    nameOf,
    /* Providers chosen (live) without an agreement yet. */
    unsigned: [...new Set(live.map((c) => c.applicationId))].filter(
      (id) => !applications.get(id)?.droppedAt && !agreements.some((a) => a.applicationId === id)
    ),
    agreements: agreements.map((a) => ({
      agreement: a,
      evaluation: evaluations.find((e) => e.agreementId === a.id) ?? null,
      canRate:
        !rated.has(a.id) &&
        today >= a.termEndsOn.minus({ days: RATING_OPENS_DAYS_BEFORE_END }).toISODate()!,
    })),
  }
}
