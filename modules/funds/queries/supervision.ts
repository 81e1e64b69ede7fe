/*
| Fund supervision by region (Art. 13): what was collected, what is held,
| released and refunded, what the banks report, the coverage ratio and
| open anomalies — for the viewer's region, broken down one level down.
*/
import db from '@adonisjs/lucid/services/db'
import { COUNTRY_CODE } from '#kernel/shared/region_code'
import { applyRegionScope, regionTree } from '#modules/identity'

export interface SupervisionRow {
  code: string
  name: string
  institutions: number
  orders: number
  collectedFen: number
  heldFen: number
  releasedFen: number
  refundedFen: number
  refundingFen: number
  bankBalanceFen: number
  /** Bank balance over what is owed to students; null when nothing is owed. */
  coverage: number | null
  openAnomalies: number
}

const CHILD_COLUMN = ['province_code', 'city_code', 'county_code', 'region_code'] as const

/** The column that names the child region of a scope (a county's "children" are its institutions' own regions). */
function childColumn(scope: string): string {
  if (scope === COUNTRY_CODE) return CHILD_COLUMN[0]
  const region = regionTree.get(scope)
  return CHILD_COLUMN[Math.min(region?.level ?? 3, 3)]!
}

export async function supervisionByRegion(
  scope: string
): Promise<{ rows: SupervisionRow[]; total: SupervisionRow }> {
  const column = childColumn(scope)
  const [orders, accounts, anomalies] = await Promise.all([
    applyRegionScope(db.from('orders').whereNot('status', 'cancelled'), scope)
      .groupBy(column)
      .select(`${column} as code`)
      .select(
        db.raw('count(distinct institution_id)::int as institutions'),
        db.raw('count(*)::int as orders'),
        db.raw('coalesce(sum(paid_fen), 0)::bigint as collected'),
        db.raw(
          `coalesce(sum(CASE WHEN mode = 'prepaid' THEN paid_fen - released_fen - refunding_fen - refunded_fen ELSE 0 END), 0)::bigint as held`
        ),
        db.raw(
          `coalesce(sum(CASE WHEN mode = 'prepaid' THEN released_fen ELSE paid_fen END), 0)::bigint as released`
        ),
        db.raw('coalesce(sum(refunded_fen), 0)::bigint as refunded'),
        db.raw('coalesce(sum(refunding_fen), 0)::bigint as refunding')
      ),
    applyRegionScope(db.from('supervised_accounts'), scope)
      .groupBy(column)
      .select(
        `${column} as code`,
        db.raw('coalesce(sum(reported_balance_fen), 0)::bigint as balance')
      ),
    applyRegionScope(db.from('fund_anomalies').where('status', 'open'), scope)
      .groupBy(column)
      .select(`${column} as code`, db.raw('count(*)::int as open')),
  ])
  const byCode = new Map<string, SupervisionRow>()
  const row = (code: string | null) => {
    const key = code ?? scope
    let r = byCode.get(key)
    if (!r) {
      r = {
        code: key,
        name: regionTree.get(key)?.name ?? key,
        institutions: 0,
        orders: 0,
        collectedFen: 0,
        heldFen: 0,
        releasedFen: 0,
        refundedFen: 0,
        refundingFen: 0,
        bankBalanceFen: 0,
        coverage: null,
        openAnomalies: 0,
      }
      byCode.set(key, r)
    }
    return r
  }
  for (const o of orders)
    Object.assign(row(o.code), {
      institutions: o.institutions,
      orders: o.orders,
      collectedFen: Number(o.collected),
      heldFen: Number(o.held),
      releasedFen: Number(o.released),
      refundedFen: Number(o.refunded),
      refundingFen: Number(o.refunding),
    })
  for (const a of accounts) row(a.code).bankBalanceFen = Number(a.balance)
  for (const a of anomalies) row(a.code).openAnomalies = a.open
  const rows = [...byCode.values()].sort(
    (a, b) => b.collectedFen - a.collectedFen || a.code.localeCompare(b.code)
  )
  const total: SupervisionRow = {
    code: scope,
    name: regionTree.get(scope)?.name ?? '全国',
    institutions: 0,
    orders: 0,
    collectedFen: 0,
    heldFen: 0,
    releasedFen: 0,
    refundedFen: 0,
    refundingFen: 0,
    bankBalanceFen: 0,
    coverage: null,
    openAnomalies: 0,
  }
  for (const r of rows) {
    for (const key of [
      'institutions',
      'orders',
      'collectedFen',
      'heldFen',
      'releasedFen',
      'refundedFen',
      'refundingFen',
      'bankBalanceFen',
      'openAnomalies',
    ] as const)
      total[key] += r[key]
    r.coverage = r.heldFen > 0 ? r.bankBalanceFen / r.heldFen : null
  }
  total.coverage = total.heldFen > 0 ? total.bankBalanceFen / total.heldFen : null
  return { rows, total }
}

/** Institutions of a region with their supervised money, largest first. */
export async function supervisionByInstitution(scope: string, page: number) {
  return (
    applyRegionScope(db.from('orders').whereNot('orders.status', 'cancelled'), scope, {}, 'orders')
      /* The institution's current account; closed ones are its history. */
      .leftJoin('supervised_accounts as s', (j) =>
        j.on('s.institution_id', 'orders.institution_id').andOnVal('s.status', 'open')
      )
      .groupBy('orders.institution_id', 's.reported_balance_fen', 's.reported_at')
      .select('orders.institution_id', 's.reported_balance_fen', 's.reported_at')
      .select(
        db.raw('count(*)::int as orders'),
        db.raw('sum(orders.paid_fen)::bigint as collected'),
        db.raw(
          `sum(CASE WHEN orders.mode = 'prepaid' THEN orders.paid_fen - orders.released_fen - orders.refunding_fen - orders.refunded_fen ELSE 0 END)::bigint as held`
        ),
        db.raw('sum(orders.refunded_fen)::bigint as refunded'),
        db.raw(
          `(SELECT count(*) FROM fund_anomalies f WHERE f.institution_id = orders.institution_id AND f.status = 'open')::int as open_anomalies`
        )
      )
      .orderByRaw('sum(orders.paid_fen) DESC')
      .paginate(page, 20)
  )
}
