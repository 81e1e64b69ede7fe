/*
| The notice a parent sees on their order and contract pages while their
| institution's trouble is unresolved: removed (until restored),
| black-listed (until it leaves the list), or a red anomaly open on its
| supervised account (until a bureau closes it). It is worked out on every
| view from the live facts, so it disappears by itself once resolved.
*/
import db from '@adonisjs/lucid/services/db'
import { liveContracts } from '#modules/catalog'
import { regionTree } from '#modules/identity'
import { type InstitutionSummary, institutionSummaries } from '#modules/registry'
import { heldFees } from './parents_at_risk.js'

/** Most serious first: the order the notice lists them in. */
export const NOTICE_CAUSES = ['removed', 'blacklisted', 'fund_warning'] as const
export type NoticeCause = (typeof NOTICE_CAUSES)[number]

export interface InstitutionAlert {
  institutionId: number
  name: string
  causes: NoticeCause[]
  /** Where the responsible bureau sits: the county (offline) or the province (online), e.g. "吉林省长春市朝阳区". */
  bureauRegion: string
}

export interface ParentFundNotice extends InstitutionAlert {
  /** The parent's unconsumed fees held for the institution, in fen. */
  heldFen: number
  /** An order of the parent's the refund form is on (unconsumed classes, no refund open), or null when nothing is left to ask for. */
  refundOrderId: number | null
}

function bureauRegionOf(institution: InstitutionSummary): string {
  const code = institution.delivery === 'online' ? institution.provinceCode : institution.regionCode
  return regionTree.fullName(code).replaceAll(' / ', '')
}

/** The institutions among `ids` with an unresolved cause, and which. */
export async function institutionAlerts(ids: number[]): Promise<Map<number, InstitutionAlert>> {
  const unique = [...new Set(ids)]
  const alerts = new Map<number, InstitutionAlert>()
  if (!unique.length) return alerts
  const institutions = await institutionSummaries(unique)
  const anomalous = new Set(
    (
      await db
        .from('fund_anomalies')
        .whereIn('institution_id', unique)
        .where('status', 'open')
        .where('severity', 'red')
        .distinct('institution_id')
    ).map((row) => Number(row.institution_id))
  )
  for (const institution of institutions.values()) {
    const causes = NOTICE_CAUSES.filter((cause) =>
      cause === 'removed'
        ? institution.removed
        : cause === 'blacklisted'
          ? institution.listStatus === 'black'
          : anomalous.has(institution.id)
    )
    if (causes.length)
      alerts.set(institution.id, {
        institutionId: institution.id,
        name: institution.name,
        causes,
        bureauRegion: bureauRegionOf(institution),
      })
  }
  return alerts
}

/**
 * The notices a parent is owed: one per institution with an unresolved
 * cause that holds fees of theirs or has a live contract with them. Without
 * `institutionIds`, every institution the parent has an order with.
 */
export async function parentFundNotices(
  parentUserId: number,
  institutionIds?: number[]
): Promise<ParentFundNotice[]> {
  const ids =
    institutionIds ??
    (
      await db
        .from('orders')
        .where('parent_user_id', parentUserId)
        .whereNot('status', 'cancelled')
        .distinct('institution_id')
    ).map((row) => Number(row.institution_id))
  const alerts = await institutionAlerts(ids)
  if (!alerts.size) return []
  const concerned = [...alerts.keys()]
  const held = new Map(
    (await heldFees({ institutionIds: concerned, parentUserId })).map((h) => [
      h.institutionId,
      h.heldFen,
    ])
  )
  const live = new Set(
    (await liveContracts({ institutionIds: concerned, parentUserId })).map((c) => c.institutionId)
  )
  const refundable = await refundableOrders(parentUserId, concerned)
  return [...alerts.values()]
    .filter((alert) => held.has(alert.institutionId) || live.has(alert.institutionId))
    .map((alert) => ({
      ...alert,
      heldFen: held.get(alert.institutionId) ?? 0,
      refundOrderId: refundable.get(alert.institutionId) ?? null,
    }))
}

/** Per institution, the parent's oldest order a refund can be asked on now (what the order page's form accepts). */
async function refundableOrders(
  parentUserId: number,
  institutionIds: number[]
): Promise<Map<number, number>> {
  const rows = await db
    .from('orders')
    .where('parent_user_id', parentUserId)
    .whereIn('institution_id', institutionIds)
    .where('mode', 'prepaid')
    .whereIn('status', ['paid', 'in_progress'])
    .whereRaw('class_count - classes_consumed - classes_refunded > 0')
    .whereNotExists((open) =>
      open
        .from('refunds')
        .whereRaw('refunds.order_id = orders.id')
        .whereIn('status', ['requested', 'approved', 'refunding'])
    )
    .select('institution_id', 'id')
    .orderBy('id')
  const first = new Map<number, number>()
  for (const row of rows)
    if (!first.has(Number(row.institution_id)))
      first.set(Number(row.institution_id), Number(row.id))
  return first
}
