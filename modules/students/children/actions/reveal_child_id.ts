import { unseal } from '#kernel/shared/personal_data'
import { type CurrentUser, type RequestMeta, recordAudit } from '#modules/identity'
import { guardedChild } from '../queries/own_children.js'

/**
 * A guardian asks to see a child's full ID number (the pages show it
 * masked). Every such look is an audit entry (Art. 19), as an admin's
 * look at a staff member's number is.
 */
export class RevealChildId {
  async handle(actor: CurrentUser, childId: unknown, meta?: RequestMeta): Promise<string> {
    const child = await guardedChild(actor.id, childId)
    await recordAudit({
      action: 'pii.viewed',
      actor,
      subjectType: 'child',
      subjectId: child.id,
      regionCode: child.countyCode,
      summary: `ID number of child ${child.id} (${child.idNumberMasked})`,
      meta,
    })
    return unseal(child.idNumberCipher)
  }
}
