import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/exceptions/domain_error'
import { phoneIndex } from '#kernel/shared/personal_data'
import VerificationCode from '../models/verification_code.js'
import { secretMatches } from '../services/one_time_secret.js'
import type { CodePurpose } from './send_verification_code.js'

const MAX_ATTEMPTS = 5

type Outcome =
  { ok: true } | { ok: false; reason: 'expired' } | { ok: false; reason: 'wrong'; left: number }

/**
 * Consumes the latest unexpired code for a phone if it matches. Five wrong
 * tries burn the code. The row is locked and the outcome committed before
 * answering, so a code works once even when two requests race, and wrong
 * tries are counted even though the caller's request then fails.
 */
export class CheckVerificationCode {
  async handle(phone: string, purpose: CodePurpose, code: string): Promise<void> {
    const outcome = await db.transaction(async (trx): Promise<Outcome> => {
      const index = phoneIndex(phone)
      const record = await VerificationCode.query({ client: trx })
        .where('phoneIndex', index)
        .where('purpose', purpose)
        .whereNull('consumedAt')
        .where('expiresAt', '>', DateTime.now().toSQL()!)
        .orderBy('id', 'desc')
        .forUpdate()
        .first()
      if (!record || record.attempts >= MAX_ATTEMPTS) return { ok: false, reason: 'expired' }
      if (!secretMatches(`${index}:${code.trim()}`, record.codeHash)) {
        record.attempts += 1
        await record.useTransaction(trx).save()
        return { ok: false, reason: 'wrong', left: MAX_ATTEMPTS - record.attempts }
      }
      record.consumedAt = DateTime.now()
      await record.useTransaction(trx).save()
      return { ok: true }
    })
    if (outcome.ok) return
    if (outcome.reason === 'wrong' && outcome.left > 0) {
      throw new DomainError('identity.code.wrong', { left: outcome.left }, { field: 'code' })
    }
    throw new DomainError('identity.code.expired', {}, { field: 'code' })
  }
}
