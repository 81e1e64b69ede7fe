import hash from '@adonisjs/core/services/hash'
import limiter from '@adonisjs/limiter/services/main'
import { DomainError } from '#kernel/exceptions/domain_error'
import User from '../models/user.js'
import { type RequestMeta, recordAudit } from '../services/audit_log.js'
import type { CurrentUser } from '../services/current_user.js'

/* Five wrong passwords lock confirmation for the account for 15 minutes. */
const failedConfirmations = () => limiter.use({ requests: 5, duration: '15 mins', blockDuration: '15 mins' })

/**
 * A signed-in person proves it is really them before a weighty act (signing
 * a contract, say) by typing their password again.
 */
export class ConfirmPassword {
  async handle(actor: CurrentUser, password: string, meta: RequestMeta, purpose: string): Promise<void> {
    const [error] = await failedConfirmations().penalize(`confirm_password:${actor.id}`, async () => {
      const user = await User.findOrFail(actor.id)
      if (!user.password || !(await hash.verify(user.password, password))) {
        await recordAudit({ action: 'auth.confirm_failed', actor, subjectType: 'user', subjectId: actor.id, meta, summary: purpose })
        throw new DomainError('identity.confirm.wrong', {}, { field: 'password' })
      }
      return true
    })
    if (error) throw new DomainError('identity.confirm.locked', { minutes: Math.ceil(error.response.availableIn / 60) }, { status: 429, field: 'password' })
  }
}
