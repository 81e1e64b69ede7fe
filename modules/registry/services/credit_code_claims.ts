/*
| Who holds a unified social credit code. The unique index on
| institutions (credit_code, live rows) is the mechanism; the check before
| it only turns the common case into a clear message, and a lost race is
| caught by the index's name. A draft whose claim a bureau released on a
| contest may not claim that code again.
*/
import db from '@adonisjs/lucid/services/db'
import { isUniqueViolation } from '#kernel/shared/db_errors'
import type Institution from '../models/institution.js'

export const CREDIT_CODE_INDEX = 'institutions_credit_code_unique'

/** Days a draft may hold a credit code without being submitted (see ExpireDraftClaims). */
export const DRAFT_CLAIM_DAYS = 30

export class CreditCodeTaken extends Error {
  constructor() {
    super('credit code already claimed')
  }
}

export function isCreditCodeRace(error: unknown): boolean {
  return (
    isUniqueViolation(error) && (error as { constraint?: string }).constraint === CREDIT_CODE_INDEX
  )
}

/** Throws CreditCodeTaken when another live institution holds `code`, or a contest released it from this one. */
export async function assertCreditCodeFree(code: string, institutionId: number | null) {
  const holder = await db
    .from('institutions')
    .where('credit_code', code)
    .whereNull('removed_at')
    .select('id')
    .first()
  if (holder && Number(holder.id) !== institutionId) throw new CreditCodeTaken()
  if (institutionId === null) return
  const barred = await db
    .from('credit_code_contests')
    .where({ credit_code: code, institution_id: institutionId, status: 'upheld' })
    .select('id')
    .first()
  if (barred) throw new CreditCodeTaken()
}

/** A draft's basic part names a (new) code: the institution row takes it, or the save says it is taken. */
export async function claimCreditCode(institution: Institution, code: string) {
  await assertCreditCodeFree(code, institution.id)
  try {
    institution.creditCode = code
    await institution.save()
  } catch (error) {
    if (isCreditCodeRace(error)) {
      await institution.refresh()
      throw new CreditCodeTaken()
    }
    throw error
  }
}
