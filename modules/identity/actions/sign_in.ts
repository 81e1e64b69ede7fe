import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import limiter from '@adonisjs/limiter/services/main'
import { DomainError } from '#kernel/exceptions/domain_error'
import { blindIndex } from '#kernel/shared/personal_data'
import { CurrentUser } from '../services/current_user.js'
import { findBySignInName } from '../services/find_user.js'
import { type RequestMeta, recordAudit } from '../services/audit_log.js'

export interface SignInInput {
  identifier: string
  password: string
  meta: RequestMeta
}

/* Five wrong passwords for one account from one address lock it there for 15 minutes. */
const failedSignIns = () => limiter.use({ requests: 5, duration: '15 mins', blockDuration: '15 mins' })

/**
 * Checks a password and returns who signed in. Every failure says the same
 * thing, so the form never reveals which accounts exist.
 */
export class SignIn {
  async handle({ identifier, password, meta }: SignInInput): Promise<CurrentUser> {
    const key = `sign_in:${blindIndex(identifier.trim().toLowerCase(), 'sign_in')}:${meta.ip ?? 'unknown'}`
    const [error, user] = await failedSignIns().penalize(key, () => this.#verify(identifier, password, meta))

    if (error) {
      await recordAudit({ action: 'auth.sign_in_locked', actorLabel: 'anonymous', meta, summary: 'too many failed sign-ins' })
      throw new DomainError('identity.sign_in.locked', { minutes: Math.ceil(error.response.availableIn / 60) }, { status: 429 })
    }
    if (user.status === 'disabled') {
      await recordAudit({ action: 'auth.sign_in_refused', actor: user, regionCode: user.regionCode, meta, summary: 'account disabled' })
      throw new DomainError('identity.sign_in.disabled')
    }

    user.lastLoginAt = DateTime.now()
    await user.save()
    const current = new CurrentUser(user)
    await recordAudit({ action: 'auth.signed_in', actor: current, subjectType: 'user', subjectId: user.id, regionCode: user.regionCode, meta })
    return current
  }

  async #verify(identifier: string, password: string, meta: RequestMeta) {
    const user = await findBySignInName(identifier)
    /* Hash even when there is no such account, so timing does not tell either. */
    const ok = user?.password ? await hash.verify(user.password, password) : (await hash.make(password), false)
    if (!user || !ok || user.status === 'pending') {
      await recordAudit({
        action: 'auth.sign_in_failed',
        actorLabel: 'anonymous',
        subjectType: user ? 'user' : undefined,
        subjectId: user?.id,
        regionCode: user?.regionCode,
        summary: 'wrong sign-in name or password',
        meta,
      })
      throw new DomainError('identity.sign_in.invalid')
    }
    return user
  }
}
