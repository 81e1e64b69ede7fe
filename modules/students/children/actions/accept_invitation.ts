import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { DomainError } from '#kernel/exceptions/domain_error'
import { isUniqueViolation } from '#kernel/shared/db_errors'
import { type CurrentUser, type RequestMeta, recordAudit } from '#modules/identity'
import Child from '../models/child.js'
import ChildGuardian, { type Relation } from '../models/child_guardian.js'
import ChildInvitation from '../models/child_invitation.js'
import { invitationIndex } from './store_invitation.js'

const invalid = () =>
  new DomainError('students_children.errors.invitation_invalid', {}, { field: 'code' })

/**
 * The second guardian types the code they were given. A wrong, used,
 * replaced or expired code gets one answer (nothing about the child). The
 * child's row is locked, so two codes accepted at once still leave at
 * most two guardians (and the database's unique position refuses a
 * third anyway).
 */
export class AcceptInvitation {
  async handle(actor: CurrentUser, code: string, relation: Relation, meta?: RequestMeta) {
    try {
      return await db.transaction(async (trx) => {
        /*
        | The child first, then its invitation: the order a new code takes
        | them in (store_invitation.ts), so a code made while another is
        | being accepted waits instead of deadlocking.
        */
        const found = await ChildInvitation.query({ client: trx })
          .where('codeIndex', invitationIndex(code))
          .select('childId')
          .first()
        if (!found) throw invalid()
        const child = await Child.query({ client: trx })
          .where('id', found.childId)
          .forUpdate()
          .firstOrFail()
        const invitation = await ChildInvitation.query({ client: trx })
          .where('codeIndex', invitationIndex(code))
          .forUpdate()
          .first()
        if (
          !invitation ||
          invitation.acceptedAt ||
          invitation.revokedAt ||
          invitation.expiresAt < DateTime.now()
        )
          throw invalid()
        const guardians = await ChildGuardian.query({ client: trx }).where('childId', child.id)
        if (guardians.some((g) => g.userId === actor.id))
          throw new DomainError('students_children.errors.already_guardian', {}, { field: 'code' })
        if (guardians.length >= 2)
          throw new DomainError('students_children.errors.two_guardians', {}, { field: 'code' })
        await ChildGuardian.create(
          { childId: child.id, userId: actor.id, position: 2, relation },
          { client: trx }
        )
        await invitation
          .useTransaction(trx)
          .merge({ acceptedAt: DateTime.now(), acceptedByUserId: actor.id })
          .save()
        await recordAudit(
          {
            action: 'students.guardian_joined',
            actor,
            subjectType: 'child',
            subjectId: child.id,
            regionCode: child.countyCode,
            meta,
          },
          trx
        )
        return child.id
      })
    } catch (error) {
      if (isUniqueViolation(error))
        throw new DomainError('students_children.errors.two_guardians', {}, { field: 'code' })
      throw error
    }
  }
}
