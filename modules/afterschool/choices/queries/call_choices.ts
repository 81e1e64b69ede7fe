/*
| The county's view of a call (issue 17, item 5): every school's live
| choices and agreements, and the totals — schools that chose, providers
| chosen, weekly slots, seats. Ended choices are not counted.
*/
import db from '@adonisjs/lucid/services/db'
import AfterschoolAgreement from '../models/afterschool_agreement.js'
import AfterschoolChoice from '../models/afterschool_choice.js'

export interface CallTotals {
  schools: number
  providers: number
  slots: number
  seats: number
  /** Live choices whose provider has since dropped out of the list. */
  dropped: number
}

export function liveChoicesOfCall(callId: number) {
  return AfterschoolChoice.query()
    .where({ callId, status: 'chosen' })
    .orderBy('schoolId')
    .orderBy('weekday')
    .orderBy('startsAt')
    .orderBy('id')
}

export function agreementsOfCall(callId: number) {
  return AfterschoolAgreement.query().where('callId', callId).orderBy('schoolId').orderBy('id')
}

export async function callTotals(callId: number): Promise<CallTotals> {
  const row = await db
    .from('afterschool_choices as c')
    .join('afterschool_applications as a', 'a.id', 'c.application_id')
    .where('c.call_id', callId)
    .where('c.status', 'chosen')
    .select(
      db.raw('count(DISTINCT c.school_id)::int AS schools'),
      db.raw('count(DISTINCT c.application_id)::int AS providers'),
      db.raw('count(*)::int AS slots'),
      db.raw('coalesce(sum(c.capacity), 0)::int AS seats'),
      db.raw('count(*) FILTER (WHERE a.dropped_at IS NOT NULL)::int AS dropped')
    )
    .first()
  return {
    schools: row?.schools ?? 0,
    providers: row?.providers ?? 0,
    slots: row?.slots ?? 0,
    seats: row?.seats ?? 0,
    dropped: row?.dropped ?? 0,
  }
}
