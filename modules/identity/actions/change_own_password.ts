import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import { DomainError } from '#kernel/exceptions/domain_error'
import User from '../models/user.js'
import { type RequestMeta, recordAudit } from '../services/audit_log.js'
import type { CurrentUser } from '../services/current_user.js'
import { endAllSessions } from '../services/sessions.js'
import { Throttled, guardedAttempt } from '../services/throttle.js'

export interface ChangeOwnPasswordInput {
  currentPassword: string
  newPassword: string
  /** The session making the change stays signed in; every other one ends. */
  sessionId: string
  meta: RequestMeta
}

/**
 * A signed-in person changes their password (2018 manual: 修改密码).
 * A stolen session must neither guess the current password (five tries per
 * 15 minutes per account, counted before checking, so concurrent guesses
 * count too) nor outlive the change (the other sessions end).
 */
export class ChangeOwnPassword {
  async handle(actor: CurrentUser, input: ChangeOwnPasswordInput) {
    const user = await User.findOrFail(actor.id)
    const limit = {
      key: `password_change:${user.id}`,
      requests: 5,
      duration: '15 mins',
      blockDuration: '15 mins',
    }
    try {
      await guardedAttempt([limit], [limit.key], async () => {
        if (!user.password || !(await hash.verify(user.password, input.currentPassword))) {
          throw new DomainError('identity.password.current_wrong', {}, { field: 'currentPassword' })
        }
      })
    } catch (error) {
      if (!(error instanceof Throttled)) throw error
      const minutes = Math.max(1, Math.ceil(error.availableIn / 60))
      throw new DomainError(
        'identity.sign_in.locked',
        { minutes },
        { status: 429, field: 'currentPassword' }
      )
    }
    user.password = await hash.make(input.newPassword)
    user.passwordSetAt = DateTime.now()
    await user.save()
    await endAllSessions(user.id, input.sessionId)
    await recordAudit({
      action: 'account.password_changed',
      actor,
      subjectType: 'user',
      subjectId: user.id,
      regionCode: user.regionCode,
      meta: input.meta,
    })
  }
}
