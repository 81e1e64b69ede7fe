/*
| Benchmark 1: the public search (a fuzzy name with a region filter, page 1
| and a deep page) and the institution public page, each beside the stack
| floor (GET /bench/floor: 20 rows by primary key through a tiny Edge
| template, same app, same middleware) measured in the same run.
| Goal: ≥ 60% of the floor's req/s and p99 < 100 ms at 64 connections.
*/
import { query } from '../lib/database.js'
import { type LoadResult, cycle, load, span } from '../lib/load.js'
import type { BenchContext } from './context.js'

export interface PublicPagesResult {
  floor: LoadResult
  searchFirst: LoadResult
  /** Distinct searches, none asked before in the run (absent from results of older runs). */
  searchFresh?: LoadResult
  searchDeep: LoadResult
  publicPage: LoadResult
  sample: {
    searches: number
    firstTimeSearches?: number
    exampleTerms: string[]
    deep: { term: string; region: string; page: number; lastPage: number; matches: number }
    pages: number
  }
}

const LISTED = `filing_status = 'approved' AND removed_at IS NULL AND list_status IN ('white', 'grey', 'black')`

/** A 3–4 character window of a real name: what people type when they half-remember one. */
function fuzzyTerm(name: string, seed: number): string {
  const chars = [...name]
  if (chars.length <= 4) return name
  const width = 3 + (seed % 2)
  const start = seed % (chars.length - width + 1)
  return chars.slice(start, start + width).join('')
}

export async function publicPages(ctx: BenchContext): Promise<PublicPagesResult> {
  const { options } = ctx
  const db = ctx.databaseUrl

  const named = await query<{ name: string; province_code: string }>(
    db,
    `SELECT name, province_code FROM institutions WHERE ${LISTED} ORDER BY random() LIMIT 300`
  )
  if (!named.length) throw new Error('No listed institution to search for: is the database seeded?')
  const searches = named.map(
    (r, i) =>
      `/institutions?q=${encodeURIComponent(fuzzyTerm(r.name, i * 7 + 3))}&region=${r.province_code}`
  )
  /*
  | Searches the app has not answered in this run: each distinct, so the
  | public cache (a minute per answer) never holds them. This is the cost of
  | the long tail of searches, where "search, page 1" above is the cost of
  | popular ones asked again and again.
  */
  const fresh = await query<{ name: string; province_code: string }>(
    db,
    `SELECT name, province_code FROM institutions WHERE ${LISTED} ORDER BY random() LIMIT $1`,
    [options.requestsPerConnection ? 400 : 8000]
  )
  const asked = new Set(searches)
  const firstTime = [
    ...new Set(
      fresh.map(
        (r, i) =>
          `/institutions?q=${encodeURIComponent(fuzzyTerm(r.name, i * 5 + 1))}&region=${r.province_code}`
      )
    ),
  ].filter((path) => !asked.has(path))

  /* The deep page: the most common name ending in the largest province, 50 pages in (or its last page). */
  const [largest] = await query<{ province_code: string }>(
    db,
    `SELECT province_code FROM institutions WHERE ${LISTED} GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`
  )
  if (!largest) throw new Error('No listed institution in any province: is the database seeded?')
  const endings = new Map<string, number>()
  for (const { name } of named) {
    const ending = [...name].slice(-4).join('')
    endings.set(ending, (endings.get(ending) ?? 0) + 1)
  }
  const broad = [...endings].sort((a, b) => b[1] - a[1])[0]![0]
  const [counted] = await query<{ n: string }>(
    db,
    `SELECT count(*) AS n FROM institutions WHERE ${LISTED} AND province_code = $1 AND (name ILIKE $2 OR name % $3)`,
    [largest.province_code, `%${broad}%`, broad]
  )
  const matches = counted!.n
  const lastPage = Math.max(1, Math.ceil(Number(matches) / 20))
  const deepPage = Math.min(50, lastPage)
  const deepPath = `/institutions?q=${encodeURIComponent(broad)}&region=${largest.province_code}&page=${deepPage}`

  const ids = await query<{ id: string }>(
    db,
    `SELECT id FROM institutions WHERE filing_status = 'approved' AND removed_at IS NULL ORDER BY random() LIMIT 500`
  )
  const pages = ids.map((r) => `/institutions/${r.id}`)

  /* The production build must render real pages: every message translated, the floor route registered. */
  const [firstPage] = pages
  if (!firstPage) throw new Error('No approved institution to open: is the database seeded?')
  for (const path of [searches[0]!, firstPage, '/bench/floor']) {
    const response = await fetch(new URL(path, ctx.base))
    const html = await response.text()
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`)
    if (html.includes('translation missing'))
      throw new Error(`${path} shows "translation missing": the build lacks language files`)
  }

  const run = (name: string, paths: string[], seconds = options.duration) =>
    load({
      name,
      base: ctx.base,
      connections: options.connections,
      ...span(options, options.connections, seconds),
      next: ((c) => () => ({ path: c() }))(cycle(paths)),
      serverPid: ctx.serverPid,
      database: ctx.database,
    })

  ctx.say('  warming up')
  const warm = Math.max(1, Math.min(3, options.duration / 3))
  for (const paths of [['/bench/floor'], searches, [deepPath], pages])
    await run('warm-up', paths, warm)

  ctx.say('  stack floor')
  const floor = await run('floor', ['/bench/floor'])
  ctx.say('  search, page 1')
  const searchFirst = await run('search, page 1', searches)
  ctx.say('  search, page 1, each asked for the first time')
  const searchFresh = await run('search, page 1, first time asked', firstTime)
  ctx.say(`  search, page ${deepPage}`)
  const searchDeep = await run(`search, page ${deepPage}`, [deepPath])
  ctx.say('  institution page')
  const publicPage = await run('institution page', pages)

  return {
    floor,
    searchFirst,
    searchFresh,
    searchDeep,
    publicPage,
    sample: {
      searches: searches.length,
      firstTimeSearches: firstTime.length,
      exampleTerms: searches
        .slice(0, 5)
        .map((p) => decodeURIComponent(new URL(p, 'http://x').searchParams.get('q') ?? '')),
      deep: {
        term: broad,
        region: largest.province_code,
        page: deepPage,
        lastPage,
        matches: Number(matches),
      },
      pages: pages.length,
    },
  }
}
