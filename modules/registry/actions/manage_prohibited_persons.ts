import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/exceptions/domain_error'
import { sealIdNumber } from '#kernel/shared/personal_data'
import { type CurrentUser, recordAudit } from '#modules/identity'
import ProhibitedPerson from '../models/prohibited_person.js'
import { RecheckStaff } from './recheck_staff.js'

export interface ProhibitedPersonInput {
  name: string
  idNumber: string
  reason: ProhibitedPerson['reason']
  source?: string | null
}

/** The prohibited-persons list (从业禁止人员库), kept by bureaus. Adding someone re-checks hired staff at once. */
export class AddProhibitedPerson {
  async handle(actor: CurrentUser, input: ProhibitedPersonInput): Promise<ProhibitedPerson> {
    const sealed = sealIdNumber(input.idNumber)
    const existing = await ProhibitedPerson.query()
      .where('idNumberIndex', sealed.index)
      .whereNull('revokedAt')
      .first()
    if (existing)
      throw new DomainError('registry.prohibited.already_listed', {}, { field: 'idNumber' })
    /* The entry and its audit commit together; the re-check of hired staff follows the commit. */
    const person = await db.transaction(async (trx) => {
      const created = await ProhibitedPerson.create(
        {
          name: input.name.trim(),
          idNumberCipher: sealed.cipher,
          idNumberIndex: sealed.index,
          idNumberMasked: sealed.masked,
          reason: input.reason,
          source: input.source?.trim() || null,
          regionCode: actor.regionCode!,
          addedById: actor.id,
        },
        { client: trx }
      )
      await recordAudit(
        {
          action: 'registry.prohibited_added',
          actor,
          subjectType: 'prohibited_person',
          subjectId: created.id,
          regionCode: actor.regionCode,
          summary: `${created.idNumberMasked} ${created.reason}`,
        },
        trx
      )
      return created
    })
    await new RecheckStaff().handle(sealed.index)
    return person
  }
}

/** Taking someone off the list (after an appeal, say) is recorded, never a deletion. */
export class RevokeProhibitedPerson {
  async handle(actor: CurrentUser, person: ProhibitedPerson, reason: string) {
    if (person.revokedAt) return
    person.revokedAt = DateTime.now()
    await db.transaction(async (trx) => {
      await person.useTransaction(trx).save()
      await recordAudit(
        {
          action: 'registry.prohibited_revoked',
          actor,
          subjectType: 'prohibited_person',
          subjectId: person.id,
          regionCode: actor.regionCode,
          summary: reason,
        },
        trx
      )
    })
    await new RecheckStaff().handle(person.idNumberIndex)
  }
}
