import db from '@adonisjs/lucid/services/db'
import { type CurrentUser, type RequestMeta, recordAudit } from '#modules/identity'
import ChildGuardian from '../models/child_guardian.js'
import { guardedChild } from '../queries/own_children.js'

/**
 * A guardian removes a child from their list. With a second guardian, only
 * this guardian's link ends and the other keeps the profile; the last
 * guardian's removal deletes the profile (its invitations go with it).
 * Signed contracts keep their own frozen copy of the student.
 */
export class DestroyChild {
  async handle(
    actor: CurrentUser,
    childId: unknown,
    meta?: RequestMeta
  ): Promise<'left' | 'deleted'> {
    return db.transaction(async (trx) => {
      const child = await guardedChild(actor.id, childId, trx, { forUpdate: true })
      await ChildGuardian.query({ client: trx })
        .where({ childId: child.id, userId: actor.id })
        .delete()
      const others = await ChildGuardian.query({ client: trx }).where('childId', child.id)
      /* The guardian who stays becomes the first: position 2 is free for a new invitation. */
      if (others.length) await others[0]!.useTransaction(trx).merge({ position: 1 }).save()
      else await child.useTransaction(trx).delete()
      await recordAudit(
        {
          action: others.length ? 'students.guardian_left' : 'students.child_removed',
          actor,
          subjectType: 'child',
          subjectId: child.id,
          regionCode: child.countyCode,
          summary: `child ${child.id} (${child.idNumberMasked})`,
          meta,
        },
        trx
      )
      return others.length ? 'left' : 'deleted'
    })
  }
}
