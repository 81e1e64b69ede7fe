import { randomInt } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { DomainError } from '#kernel/exceptions/domain_error'
import { blindIndex } from '#kernel/shared/personal_data'
import { type CurrentUser, type RequestMeta, recordAudit } from '#modules/identity'
import ChildGuardian from '../models/child_guardian.js'
import ChildInvitation from '../models/child_invitation.js'
import { guardedChild } from '../queries/own_children.js'

/* No 0/O, 1/I/L: a code read aloud or typed from a chat survives. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
const LENGTH = 12
export const INVITATION_HOURS = 72

export const invitationIndex = (code: string) =>
  blindIndex(code.replace(/[\s-]/g, '').toUpperCase(), 'child_invitation')

/**
 * A guardian invites the second guardian with a one-time code (issue 17):
 * 12 characters (about 59 bits), shown once and stored only as a keyed
 * hash, valid for 72 hours and once. A new code replaces the open one. A
 * child with two guardians has no place for a third.
 */
export class StoreInvitation {
  async handle(actor: CurrentUser, childId: unknown, meta?: RequestMeta) {
    const code = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
    const expiresAt = DateTime.now().plus({ hours: INVITATION_HOURS })
    await db.transaction(async (trx) => {
      const child = await guardedChild(actor.id, childId, trx, { forUpdate: true })
      const guardians = await ChildGuardian.query({ client: trx }).where('childId', child.id)
      if (guardians.length >= 2) throw new DomainError('students_children.errors.two_guardians')
      await ChildInvitation.query({ client: trx })
        .where('childId', child.id)
        .whereNull('acceptedAt')
        .whereNull('revokedAt')
        .update({ revokedAt: DateTime.now().toJSDate() })
      await ChildInvitation.create(
        {
          childId: child.id,
          codeIndex: invitationIndex(code),
          createdByUserId: actor.id,
          expiresAt,
        },
        { client: trx }
      )
      await recordAudit(
        {
          action: 'students.guardian_invited',
          actor,
          subjectType: 'child',
          subjectId: child.id,
          regionCode: child.countyCode,
          meta,
        },
        trx
      )
    })
    return { code: code.match(/.{4}/g)!.join('-'), expiresAt }
  }
}
