import { DateTime } from 'luxon'
import limiter from '@adonisjs/limiter/services/main'
import { DomainError } from '#kernel/exceptions/domain_error'
import { normalizePhone, phoneIndex } from '#kernel/shared/personal_data'
import VerificationCode from '../models/verification_code.js'
import { hashSecret, newNumericCode } from '../services/one_time_secret.js'
import { sendSms } from '../services/notifier.js'
import type { RequestMeta } from '../services/audit_log.js'

export type CodePurpose = 'register' | 'complaint'

export interface SendVerificationCodeInput {
  phone: string
  purpose: CodePurpose
  meta: RequestMeta
}

export const CODE_TTL_MINUTES = 10

/**
 * Texts a six-digit code to a phone. One code a minute per phone, ten a
 * day per phone and thirty an hour per address, so the form cannot be
 * used to flood someone's phone.
 */
export class SendVerificationCode {
  async handle({ phone, purpose, meta }: SendVerificationCodeInput) {
    const normalized = normalizePhone(phone)
    const index = phoneIndex(normalized)

    const perMinute = limiter.use({ requests: 1, duration: '1 min' })
    const perDay = limiter.use({ requests: 10, duration: '24 hours' })
    const perAddress = limiter.use({ requests: 30, duration: '1 hour' })
    for (const [store, key] of [
      [perMinute, `code_min:${index}`],
      [perDay, `code_day:${index}`],
      [perAddress, `code_ip:${meta.ip ?? 'unknown'}`],
    ] as const) {
      const response = await store.get(key)
      if (response && response.remaining <= 0) {
        throw new DomainError('identity.code.too_often', { seconds: response.availableIn }, { status: 429, field: 'phone' })
      }
    }
    await perMinute.increment(`code_min:${index}`)
    await perDay.increment(`code_day:${index}`)
    await perAddress.increment(`code_ip:${meta.ip ?? 'unknown'}`)

    const code = newNumericCode()
    await VerificationCode.create({
      phoneIndex: index,
      purpose,
      codeHash: hashSecret(`${index}:${code}`),
      attempts: 0,
      expiresAt: DateTime.now().plus({ minutes: CODE_TTL_MINUTES }),
    })
    await sendSms({
      phone: normalized,
      subject: 'verification_code',
      body: `【校外培训监管与服务平台】验证码 ${code}，${CODE_TTL_MINUTES} 分钟内有效。请勿告诉他人。`,
    })
  }
}
