import { DateTime } from 'luxon'
import type { CurrentUser } from '#modules/identity'
import { institutionSummary } from '#modules/registry'
import { onCase } from '../services/case_lock.js'
import { dueFor, markLateIfOverdue } from '../services/deadlines.js'
import { addStep } from '../services/trail.js'
import { queueComplainantUpdate } from '../services/complainant_updates.js'

/** The institution's customer service gives its response; the complainant then accepts it or escalates. */
export class RespondAsInstitution {
  async handle(actor: CurrentUser, id: number, response: string) {
    const complaint = await onCase(id, ['with_institution'], async (c, trx) => {
      const institution = await institutionSummary(c.institutionId!)
      markLateIfOverdue(c)
      c.status = 'responded'
      c.institutionResponse = response
      c.dueOn = await dueFor(c, 'answer')
      await addStep(trx, c, {
        action: 'institution_responded',
        actorKind: 'institution',
        actor,
        unitName: institution?.name ?? c.targetName,
        note: response,
        dueOn: c.dueOn,
      })
      c.updatedAt = DateTime.now()
      await queueComplainantUpdate(trx, c, '已有机构答复')
    })
    return complaint
  }
}
