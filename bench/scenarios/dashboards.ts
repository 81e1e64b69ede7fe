/*
| Benchmark 3: the statistics dashboard (/manage/reports) signed in as an
| admin of each level: the national totals (ministry) and a drill-down to
| one county (the one with the most institutions) by the ministry, its
| province, its city and the county itself.
| Goal: national < 200 ms, county < 50 ms (judged on p99; p50 beside it).
*/
import { randomBytes } from 'node:crypto'
import { inApp } from '../lib/app.js'
import { query } from '../lib/database.js'
import { Browser } from '../lib/http.js'
import { type LoadResult, load, span } from '../lib/load.js'
import type { BenchAdmin, BenchContext } from './context.js'

export interface DashboardsResult {
  county: { code: string; name: string; institutions: number }
  national: LoadResult
  drillDowns: (LoadResult & { level: BenchAdmin['level'] })[]
}

export interface Bureaus {
  admins: BenchAdmin[]
  county: { code: string; name: string; institutions: number }
  province: string
}

/** The county (a level-3 region, so every level has a bureau above it) with the most institutions, and an admin of each level (created once per run, real sign-in). */
export async function bureaus(ctx: BenchContext): Promise<Bureaus> {
  const [busiest] = await query<{ county_code: string; n: string }>(
    ctx.databaseUrl,
    `SELECT i.county_code, count(*) AS n FROM institutions i JOIN regions r ON r.code = i.county_code AND r.level = 3 AND r.city_code IS NOT NULL
     WHERE i.filing_status = 'approved' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`
  )
  if (!busiest) throw new Error('No filed institution in a county: is the database seeded?')
  const [region] = await query<{ name: string; province_code: string; city_code: string | null }>(
    ctx.databaseUrl,
    `SELECT name, province_code, city_code FROM regions WHERE code = $1`,
    [busiest.county_code]
  )
  if (!region) throw new Error(`No region ${busiest.county_code}: is the database seeded?`)
  const levels: [BenchAdmin['level'], string | null][] = [
    ['ministry', '000000'],
    ['province', region.province_code],
    ['city', region.city_code],
    ['county', busiest.county_code],
  ]
  const admins: BenchAdmin[] = levels
    .filter((l): l is [BenchAdmin['level'], string] => !!l[1])
    .map(([level, regionCode]) => ({
      level,
      regionCode,
      username: `bench_${level}`,
      password: randomBytes(12).toString('base64url'),
    }))
  await inApp(
    'accounts',
    admins.map((a, i) => ({
      username: a.username,
      adminLevel: a.level,
      regionCode: a.regionCode,
      password: a.password,
      phone: `1990000090${i}`,
    })),
    ctx.env,
    ctx.log,
    ctx.workDir
  )
  return {
    admins,
    county: { code: busiest.county_code, name: region.name, institutions: Number(busiest.n) },
    province: region.province_code,
  }
}

export async function signedIn(ctx: BenchContext, admin: BenchAdmin): Promise<Browser> {
  const browser = new Browser(ctx.base)
  await browser.signIn(admin.username, admin.password)
  return browser
}

export async function dashboards(ctx: BenchContext, found: Bureaus): Promise<DashboardsResult> {
  const { options } = ctx
  const measure = async (name: string, admin: BenchAdmin, path: string) => {
    const browser = await signedIn(ctx, admin)
    const check = await browser.page(path)
    if (check.status !== 200)
      throw new Error(`${path} as ${admin.username} answered ${check.status}`)
    await load({
      name: 'warm-up',
      base: ctx.base,
      connections: options.dashboardConnections,
      ...span(options, options.dashboardConnections, 1),
      headers: { cookie: browser.cookieHeader },
      next: () => ({ path }),
    })
    return load({
      name,
      base: ctx.base,
      connections: options.dashboardConnections,
      ...span(options, options.dashboardConnections),
      headers: { cookie: browser.cookieHeader },
      next: () => ({ path }),
      serverPid: ctx.serverPid,
      database: ctx.database,
    })
  }
  const ministry = found.admins.find((a) => a.level === 'ministry')!
  ctx.say('  national totals (ministry)')
  const national = await measure('national totals (ministry)', ministry, '/manage/reports')
  const drillDowns: DashboardsResult['drillDowns'] = []
  for (const admin of found.admins) {
    ctx.say(`  county drill-down (${admin.level})`)
    const path = `/manage/reports?region=${found.county.code}`
    drillDowns.push({
      ...(await measure(`county drill-down (${admin.level})`, admin, path)),
      level: admin.level,
    })
  }
  return { county: found.county, national, drillDowns }
}
