/*
| What a school reads (issue 17, item 5): the published lists that name
| it, their entries, and its own choices, agreements and evaluations —
| always through its school id, so another school's rows never appear.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import AfterschoolApplication from '../../calls/models/afterschool_application.js'
import AfterschoolCall from '../../calls/models/afterschool_call.js'
import AfterschoolAgreement from '../models/afterschool_agreement.js'
import AfterschoolChoice from '../models/afterschool_choice.js'
import AfterschoolEvaluation from '../models/afterschool_evaluation.js'

/** Published calls whose schools include this one, newest list first. */
export function publishedCallsFor(schoolId: number) {
  return AfterschoolCall.query()
    .where('status', 'published')
    .whereRaw('? = ANY(school_ids)', [schoolId])
    .orderBy('publishedAt', 'desc')
    .orderBy('id', 'desc')
}

/** One published call naming this school, or null (another school's call does not exist for it). */
export function publishedCallOf(
  schoolId: number,
  callId: number,
  client?: TransactionClientContract
) {
  return AfterschoolCall.query({ client })
    .where('id', callId)
    .where('status', 'published')
    .whereRaw('? = ANY(school_ids)', [schoolId])
    .first()
}

/** The entries of a published list, by rank (dropped ones kept, marked). */
export function listEntries(callId: number) {
  return AfterschoolApplication.query()
    .where('callId', callId)
    .whereNotNull('rank')
    .orderBy('rank')
    .orderBy('id')
}

/** The entry of a list a school may look at: on a call naming the school, ranked. */
export async function entryFor(schoolId: number, applicationId: number) {
  const application = await AfterschoolApplication.query()
    .where('id', applicationId)
    .whereNotNull('rank')
    .first()
  if (!application) return null
  const call = await publishedCallOf(schoolId, application.callId)
  return call ? { call, application } : null
}

/** The school's choices: live ones first, then by weekday and time. */
export function choicesOf(schoolId: number) {
  return AfterschoolChoice.query()
    .where('schoolId', schoolId)
    .orderByRaw(`status = 'ended'`)
    .orderBy('weekday')
    .orderBy('startsAt')
    .orderBy('id')
}

export function agreementsOf(schoolId: number) {
  return AfterschoolAgreement.query()
    .where('schoolId', schoolId)
    .orderBy('termStartsOn', 'desc')
    .orderBy('id', 'desc')
}

export function agreementOf(schoolId: number, agreementId: number) {
  return AfterschoolAgreement.query().where({ schoolId, id: agreementId }).first()
}

export function evaluationsOf(schoolId: number) {
  return AfterschoolEvaluation.query().where('schoolId', schoolId).orderBy('id', 'desc')
}
