/*
| Keeps the risk board's rollup (risk_board_counts) in step with the open
| warnings: each write that opens, moves or lifts warnings adds its
| deltas in its own transaction, one statement for a whole batch; the
| nightly run rebuilds the table from the warnings themselves.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

export interface CountDelta {
  regionCode: string
  provinceCode: string
  cityCode: string | null
  countyCode: string | null
  level: string
  indicator: string
  n: number
}

export async function addToBoard(trx: TransactionClientContract, deltas: CountDelta[]) {
  const summed = new Map<string, CountDelta>()
  for (const d of deltas) {
    const key = `${d.regionCode}|${d.level}|${d.indicator}`
    const seen = summed.get(key)
    if (seen) seen.n += d.n
    else summed.set(key, { ...d })
  }
  const rows = [...summed.values()].filter((d) => d.n !== 0)
  if (!rows.length) return
  await trx.rawQuery(
    `INSERT INTO risk_board_counts (region_code, province_code, city_code, county_code, level, indicator, n)
     SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[])
     ON CONFLICT (region_code, level, indicator) DO UPDATE SET n = risk_board_counts.n + excluded.n`,
    [
      rows.map((r) => r.regionCode),
      rows.map((r) => r.provinceCode),
      rows.map((r) => r.cityCode),
      rows.map((r) => r.countyCode),
      rows.map((r) => r.level),
      rows.map((r) => r.indicator),
      rows.map((r) => r.n),
    ] as any[]
  )
  await trx.rawQuery(`DELETE FROM risk_board_counts WHERE n = 0`)
}

/** The whole rollup again from the open warnings (the nightly run, under the evaluation lock). */
export async function rebuildBoard(trx: TransactionClientContract) {
  await trx.rawQuery(`DELETE FROM risk_board_counts`)
  await trx.rawQuery(
    `INSERT INTO risk_board_counts (region_code, province_code, city_code, county_code, level, indicator, n)
     SELECT region_code, province_code, min(city_code), min(county_code), level, indicator, count(*)
       FROM risk_warnings WHERE lifted_at IS NULL
      GROUP BY region_code, province_code, level, indicator`
  )
}
