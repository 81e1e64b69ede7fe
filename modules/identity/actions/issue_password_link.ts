import env from '#start/env'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { unseal } from '#kernel/shared/personal_data'
import AccountToken from '../models/account_token.js'
import type User from '../models/user.js'
import { hashSecret, newLinkToken } from '../services/one_time_secret.js'
import { sendSms } from '../services/notifier.js'

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
      await AccountToken.create(
        {
          userId: user.id,
          purpose: 'set_password',
          tokenHash: hashSecret(token),
          expiresAt: DateTime.now().plus({ hours: LINK_TTL_HOURS }),
          issuedById,
        },
        { client: trx }
      )
    })
    const link = `${env.get('APP_URL')}/password/set/${token}`
    const what = reason === 'new_account' ? '您的账号已开通' : '您的密码已被重置'
    await sendSms({
      phone: unseal(user.phoneCipher),
      subject: 'password_link',
      body: `【校外培训监管与服务平台】${user.displayName}，${what}。请在 ${LINK_TTL_HOURS} 小时内打开链接设置密码（仅可使用一次）：${link}`,
      secrets: [token],
    })
  }
}
