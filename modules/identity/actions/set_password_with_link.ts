import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/exceptions/domain_error'
import AccountToken from '../models/account_token.js'
import User from '../models/user.js'
import { hashSecret } from '../services/one_time_secret.js'
import { CurrentUser } from '../services/current_user.js'
import { type RequestMeta, recordAudit } from '../services/audit_log.js'

/** Looks up a link without using it, to show the form or a clear "expired" page. */
export async function findUsableLink(token: string): Promise<{ displayName: string } | null> {
  const record = await AccountToken.findBy('tokenHash', hashSecret(token))
  if (!record || record.usedAt || record.revokedAt || record.expiresAt < DateTime.now()) return null
  const user = await User.find(record.userId)
  return user && user.status !== 'disabled' ? { displayName: user.displayName } : null
}

/**
 * The holder of a one-time link chooses a password. The link is marked
 * used in the same transaction with a row lock, so it works exactly once.
 */
export class SetPasswordWithLink {
  async handle(token: string, password: string, meta: RequestMeta): Promise<CurrentUser> {
    const user = await db.transaction(async (trx) => {
      const record = await AccountToken.query({ client: trx })
        .where('tokenHash', hashSecret(token))
        .forUpdate()
        .first()
      if (!record || record.usedAt || record.revokedAt || record.expiresAt < DateTime.now()) {
        throw new DomainError('identity.password_link.invalid', {}, { status: 410 })
      }
      const account = await User.query({ client: trx })
        .where('id', record.userId)
        .forUpdate()
        .firstOrFail()
      if (account.status === 'disabled')
        throw new DomainError('identity.sign_in.disabled', {}, { status: 403 })

      record.usedAt = DateTime.now()
      await record.useTransaction(trx).save()
      account.password = await hash.make(password)
      account.passwordSetAt = DateTime.now()
      account.status = 'active'
      await account.useTransaction(trx).save()
      return account
    })
    const current = new CurrentUser(user)
    await recordAudit({
      action: 'account.password_set',
      actor: current,
      subjectType: 'user',
      subjectId: user.id,
      regionCode: user.regionCode,
      meta,
    })
    return current
  }
}
