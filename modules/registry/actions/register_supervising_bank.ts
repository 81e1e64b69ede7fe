import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/exceptions/domain_error'
import { isUniqueViolation } from '#kernel/shared/db_errors'
import { type CurrentUser, inScope, lineageOf, recordAudit } from '#modules/identity'
import SupervisingBank from '../models/supervising_bank.js'

export interface RegisterBankInput {
  name: string
  regionCode: string
}

/**
 * A bureau registers a bank branch as a fund supervisor. Names are unique
 * (the filing names the bank by it); a second registration of the same name
 * answers a clear message instead of a second row.
 */
export class RegisterSupervisingBank {
  async handle(actor: CurrentUser | null, input: RegisterBankInput) {
    const name = input.name.trim().replace(/\s+/g, '')
    const regionCode = lineageOf(input.regionCode).regionCode
    if (actor && (!actor.regionCode || !inScope(regionCode, actor.regionCode)))
      throw new DomainError('registry.banks.out_of_region', {}, { status: 403 })
    try {
      return await db.transaction(async (trx) => {
        const bank = await SupervisingBank.create(
          { name, regionCode, registeredById: actor?.id ?? null },
          { client: trx }
        )
        if (actor)
          await recordAudit(
            {
              action: 'registry.bank_registered',
              actor,
              subjectType: 'supervising_bank',
              subjectId: bank.id,
              regionCode,
              summary: name,
            },
            trx
          )
        return bank
      })
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('registry.banks.exists', { name })
      throw error
    }
  }
}
