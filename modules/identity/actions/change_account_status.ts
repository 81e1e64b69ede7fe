import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type User from '../models/user.js'
import AccountToken from '../models/account_token.js'
import type { CurrentUser } from '../services/current_user.js'
import { type RequestMeta, recordAudit } from '../services/audit_log.js'
import { endAllSessions } from '../services/sessions.js'
import { IssuePasswordLink } from './issue_password_link.js'

/** Disable, re-enable, or reset an account the admin manages (policy checked by the caller). */
export class ChangeAccountStatus {
  async disable(actor: CurrentUser, account: User, reason: string, meta: RequestMeta) {
    await db.transaction(async (trx) => {
      account.status = 'disabled'
      account.disabledReason = reason.trim()
      await account.useTransaction(trx).save()
      await AccountToken.query({ client: trx })
        .where('userId', account.id)
        .whereNull('usedAt')
        .whereNull('revokedAt')
        .update({ revokedAt: DateTime.now().toSQL() })
    })
    await endAllSessions(account.id)
    await recordAudit({
      action: 'account.disabled',
      actor,
      subjectType: 'user',
      subjectId: account.id,
      regionCode: account.regionCode,
      summary: reason,
      meta,
    })
  }

  async enable(actor: CurrentUser, account: User, meta: RequestMeta) {
    account.status = account.password ? 'active' : 'pending'
    account.disabledReason = null
    await account.save()
    await recordAudit({
      action: 'account.enabled',
      actor,
      subjectType: 'user',
      subjectId: account.id,
      regionCode: account.regionCode,
      meta,
    })
  }

  /** Forgets the password, signs the account out everywhere and texts a new one-time link. */
  async reset(actor: CurrentUser, account: User, meta: RequestMeta) {
    account.password = null
    account.passwordSetAt = null
    if (account.status === 'active') account.status = 'pending'
    await account.save()
    await endAllSessions(account.id)
    await new IssuePasswordLink().handle(account, actor.id, 'reset')
    await recordAudit({
      action: 'account.password_reset',
      actor,
      subjectType: 'user',
      subjectId: account.id,
      regionCode: account.regionCode,
      meta,
    })
  }
}
