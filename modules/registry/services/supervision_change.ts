import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { publish } from '#kernel/shared/outbox'
import type ChangeRequest from '../models/change_request.js'
import type Institution from '../models/institution.js'
import type { FilingValues } from '../filing/fields.js'
import type { SupervisionFacts } from '../events.js'
import { DomainError } from '#kernel/exceptions/domain_error'
import { accountFiledByAnother } from './supervised_account_owner.js'

export const SUPERVISION_KEYS = ['supervisingBank', 'supervisedAccount', 'escrowModel'] as const

export function supervisionFacts(values: FilingValues): SupervisionFacts {
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null)
  return {
    bank: text(values.supervisingBank),
    account: text(values.supervisedAccount)?.replace(/\s+/g, '') ?? null,
    escrowModel:
      values.escrowModel === 'bank_custody' || values.escrowModel === 'risk_deposit'
        ? values.escrowModel
        : null,
  }
}

/**
 * When an approved request moves the supervised account (bank, number or
 * escrow model), the event is written in the approving transaction: the
 * fund module closes the old account record and opens the new one.
 */
export async function publishSupervisionChange(
  trx: TransactionClientContract,
  institution: Institution,
  request: ChangeRequest,
  before: FilingValues
) {
  if (!SUPERVISION_KEYS.some((k) => k in request.changes)) return
  const after: FilingValues = { ...before }
  for (const key of SUPERVISION_KEYS) if (request.changes[key]) after[key] = request.changes[key].to
  /* Approving a move into another institution's account would send these parents' money there. */
  if (await accountFiledByAnother(trx, institution.id, supervisionFacts(after)))
    throw new DomainError('registry.changes.account_taken')
  await publish(trx, 'registry:supervision_changed', {
    institutionId: institution.id,
    regionCode: institution.regionCode,
    changeRequestId: request.id,
    from: supervisionFacts(before),
    to: supervisionFacts(after),
  })
}
