/*
| A red warning of an indicator the province lists in `freezeSalesAtRed`
| stops the institution's new sales until it is lifted or falls below
| red (Art. 17; issue 16): the catalog keeps the freeze (one per warning)
| and refuses new contracts and first charges while it is open. Already
| paying contracts go on: the money they bring is held like the rest.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { freezeSales, liftSalesFreezes, salesFreezesOf } from '#modules/catalog'
import type { IndicatorKey } from './indicators.js'

export const FREEZE_SOURCE = 'credit.risk_warning'

export interface SalesFreezeOf {
  warningId: number
  institutionId: number
  indicator: IndicatorKey
}

export async function freezeSalesOf(
  trx: TransactionClientContract,
  warnings: SalesFreezeOf[],
  at: Date
): Promise<number> {
  return freezeSales(
    trx,
    warnings.map((w) => ({
      institutionId: w.institutionId,
      source: FREEZE_SOURCE,
      ref: String(w.warningId),
      reasonKey: `credit_risk.freeze_reasons.${w.indicator}`,
      link: `/institution/risk/${w.warningId}`,
      at,
    }))
  )
}

/** Lets sales go on again for these warnings' freezes; warnings that never froze change nothing. */
export async function releaseSalesOf(
  trx: TransactionClientContract,
  warningIds: number[],
  at: Date
): Promise<number> {
  if (!warningIds.length) return 0
  return liftSalesFreezes(trx, FREEZE_SOURCE, warningIds.map(String), at)
}

/** Whether this warning holds the institution's new sales now (its pages say so). */
export async function salesFrozenBy(warning: { id: number; institutionId: number }) {
  const open = await salesFreezesOf(warning.institutionId)
  return open.some((f) => f.source === FREEZE_SOURCE && f.ref === String(warning.id))
}
