import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import { DomainError } from '#kernel/exceptions/domain_error'
import { CurrentUser } from '../services/current_user.js'
import { findBySignInName, signInAccountKey } from '../services/find_user.js'
import { type RequestMeta, recordAudit } from '../services/audit_log.js'
import { Throttled, guardedAttempt, type Limit } from '../services/throttle.js'
import type User from '../models/user.js'

export interface SignInInput {
  identifier: string
  password: string
  meta: RequestMeta
}

/*
| Three counters, all keyed after the lookup's own normalisation (so
| "+86 139-…" and "139…" are one account, and a phone and a username of
| the same person are one account too):
| - 5 attempts per account from one address in 15 minutes;
| - 20 per account from any address in an hour, so rotating addresses
|   does not give fresh guesses (the price: someone can keep an account
|   locked for an hour; the owner still has the one-time-link reset);
| - 100 failures per address in an hour, against spraying many accounts.
| The address is the socket's unless TRUSTED_PROXIES names the proxy.
*/
function signInLimits(account: string, ip: string): [Limit, Limit, Limit] {
  return [
    { key: `sign_in:${account}:${ip}`, requests: 5, duration: '15 mins', blockDuration: '15 mins' },
    {
      key: `sign_in_account:${account}`,
      requests: 20,
      duration: '1 hour',
      blockDuration: '1 hour',
    },
    { key: `sign_in_ip:${ip}`, requests: 100, duration: '1 hour', blockDuration: '1 hour' },
  ]
}

/**
 * Checks a password and returns who signed in. Every failure says the same
 * thing, so the form never reveals which accounts exist.
 */
export class SignIn {
  async handle({ identifier, password, meta }: SignInInput): Promise<CurrentUser> {
    const found = await findBySignInName(identifier)
    const account = signInAccountKey(identifier, found)
    const limits = signInLimits(account, meta.ip ?? 'unknown')
    let user: User
    try {
      /* A success restarts the account's counters; the address keeps its other failures. */
      user = await guardedAttempt(limits, [limits[0].key, limits[1].key], () =>
        this.#verify(found, password, meta)
      )
    } catch (error) {
      if (!(error instanceof Throttled)) throw error
      await recordAudit({
        action: 'auth.sign_in_locked',
        actorLabel: 'anonymous',
        meta,
        summary: 'too many failed sign-ins',
      })
      throw new DomainError(
        'identity.sign_in.locked',
        { minutes: Math.max(1, Math.ceil(error.availableIn / 60)) },
        { status: 429 }
      )
    }
    if (user.status === 'disabled') {
      await recordAudit({
        action: 'auth.sign_in_refused',
        actor: user,
        regionCode: user.regionCode,
        meta,
        summary: 'account disabled',
      })
      throw new DomainError('identity.sign_in.disabled')
    }

    user.lastLoginAt = DateTime.now()
    /* Hashes made with an older cost are upgraded while the password is at hand. */
    if (hash.needsReHash(user.password!)) user.password = await hash.make(password)
    await user.save()
    const current = new CurrentUser(user)
    await recordAudit({
      action: 'auth.signed_in',
      actor: current,
      subjectType: 'user',
      subjectId: user.id,
      regionCode: user.regionCode,
      meta,
    })
    return current
  }

  async #verify(user: User | null, password: string, meta: RequestMeta) {
    /* Hash even when there is no such account, so timing does not tell either. */
    const ok = user?.password
      ? await hash.verify(user.password, password)
      : (await hash.make(password), false)
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
