import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { sendText } from '#kernel/shared/texts'
import env from '#start/env'
import { DomainError } from '#kernel/exceptions/domain_error'
import { normalizePhone, phoneIndex } from '#kernel/shared/personal_data'
import VerificationCode from '../models/verification_code.js'
import { hashSecret, newNumericCode } from '../services/one_time_secret.js'
import { isPhoneRegistered } from '../services/find_user.js'
import { Throttled, consumeAll, type Limit } from '../services/throttle.js'
import type { RequestMeta } from '../services/audit_log.js'

export type CodePurpose = 'register' | 'complaint'

export interface SendVerificationCodeInput {
  phone: string
  purpose: CodePurpose
  meta: RequestMeta
}

export const CODE_TTL_MINUTES = 10

/* Texts the whole platform may send in an hour: the ceiling of an SMS-pumping bill. */
const DEFAULT_HOURLY_CAP = 20_000

/*
| One text a minute and ten a day per phone, thirty an hour per address
| (the socket's, or what a trusted proxy says), and a platform-wide hourly
| ceiling. Each is taken with the store's atomic consume, so fifty
| concurrent requests cannot all read "one left".
*/
function codeLimits(index: string, ip: string): Limit[] {
  return [
    { key: `code_min:${index}`, requests: 1, duration: '1 min' },
    { key: `code_day:${index}`, requests: 10, duration: '24 hours' },
    { key: `code_ip:${ip}`, requests: 30, duration: '1 hour' },
    {
      key: 'code_all',
      requests: env.get('SMS_HOURLY_CAP') ?? DEFAULT_HOURLY_CAP,
      duration: '1 hour',
    },
  ]
}

/**
 * Texts a six-digit code to a phone. Asking to register a phone that
 * already has an account texts that phone a "you are registered, sign in"
 * note instead: the asker gets the very same answer either way, so the
 * form tells nobody which numbers are registered, and the same limits
 * apply to both.
 */
export class SendVerificationCode {
  async handle({ phone, purpose, meta }: SendVerificationCodeInput) {
    const normalized = normalizePhone(phone)
    const index = phoneIndex(normalized)
    try {
      await consumeAll(codeLimits(index, meta.ip ?? 'unknown'))
    } catch (error) {
      if (!(error instanceof Throttled)) throw error
      throw new DomainError(
        'identity.code.too_often',
        { seconds: error.availableIn },
        { status: 429, field: 'phone' }
      )
    }

    if (purpose === 'register' && (await isPhoneRegistered(normalized))) {
      await sendText({
        kind: 'already_registered',
        to: { phone: normalized },
        params: {},
        key: `already_registered:${randomUUID()}`,
      })
      return
    }

    const code = newNumericCode()
    await db.transaction(async (trx) => {
      const issued = await VerificationCode.create(
        {
          phoneIndex: index,
          purpose,
          codeHash: hashSecret(`${index}:${code}`),
          attempts: 0,
          expiresAt: DateTime.now().plus({ minutes: CODE_TTL_MINUTES }),
        },
        { client: trx }
      )
      await sendText(
        {
          kind: 'verification_code',
          to: { phone: normalized },
          params: { code, minutes: CODE_TTL_MINUTES },
          key: `verification_code:${issued.id}`,
        },
        trx
      )
    })
  }
}
