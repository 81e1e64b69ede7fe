import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { sendText } from '#kernel/shared/texts'
import AccountToken from '../models/account_token.js'
import type User from '../models/user.js'
import { hashSecret, newLinkToken } from '../services/one_time_secret.js'

export const LINK_TTL_HOURS = 48

/**
 * Sends a one-time link with which the account holder sets their own
 * password. Earlier links stop working. There is no default password:
 * until the link is used, nobody can sign in to the account.
 */
export class IssuePasswordLink {
  async handle(
    user: User,
    issuedById: number | null,
    reason: 'new_account' | 'reset'
  ): Promise<void> {
    if (!user.phoneCipher)
      throw new Error(`Account ${user.id} has no phone number to send a link to`)
    const token = newLinkToken()
    await db.transaction(async (trx) => {
      await AccountToken.query({ client: trx })
        .where('userId', user.id)
        .whereNull('usedAt')
        .whereNull('revokedAt')
        .update({ revokedAt: DateTime.now().toSQL() })
      const issued = await AccountToken.create(
        {
          userId: user.id,
          purpose: 'set_password',
          tokenHash: hashSecret(token),
          expiresAt: DateTime.now().plus({ hours: LINK_TTL_HOURS }),
          issuedById,
        },
        { client: trx }
      )
      /* Queued with the token: the link leaves once both are committed, and a provider outage holds up neither. */
      await sendText(
        {
          kind: 'password_link',
          to: { userId: user.id },
          params: {
            name: user.displayName.slice(0, 20),
            what: reason === 'new_account' ? '您的账号已开通' : '您的密码已被重置',
            hours: LINK_TTL_HOURS,
            token,
          },
          key: `password_link:${issued.id}`,
        },
        trx
      )
    })
  }
}
