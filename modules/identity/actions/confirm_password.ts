import hash from '@adonisjs/core/services/hash'
import { DomainError } from '#kernel/exceptions/domain_error'
import User from '../models/user.js'
import { type RequestMeta, recordAudit } from '../services/audit_log.js'
import type { CurrentUser } from '../services/current_user.js'
import { Throttled, guardedAttempt } from '../services/throttle.js'

/*
| Five wrong passwords lock confirmation for the account for 15 minutes.
| Each try takes its point before the check, so concurrent guesses count.
*/
const confirmLimit = (userId: number) => ({
  key: `confirm_password:${userId}`,
  requests: 5,
  duration: '15 mins',
  blockDuration: '15 mins',
})

/**
 * A signed-in person proves it is really them before a weighty act (signing
 * a contract, say) by typing their password again.
 */
export class ConfirmPassword {
  async handle(
    actor: CurrentUser,
    password: string,
    meta: RequestMeta,
    purpose: string
  ): Promise<void> {
    const limit = confirmLimit(actor.id)
    try {
      await guardedAttempt([limit], [limit.key], async () => {
        const user = await User.findOrFail(actor.id)
        if (!user.password || !(await hash.verify(user.password, password))) {
          await recordAudit({
            action: 'auth.confirm_failed',
            actor,
            subjectType: 'user',
            subjectId: actor.id,
            meta,
            summary: purpose,
          })
          throw new DomainError('identity.confirm.wrong', {}, { field: 'password' })
        }
      })
    } catch (error) {
      if (!(error instanceof Throttled)) throw error
      throw new DomainError(
        'identity.confirm.locked',
        { minutes: Math.max(1, Math.ceil(error.availableIn / 60)) },
        { status: 429, field: 'password' }
      )
    }
  }
}
