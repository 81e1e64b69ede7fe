/*
| What the database's sessions were doing during a load: pg_stat_activity
| sampled every 100 ms (active on CPU, waiting on a row lock, on the WAL
| flush of a commit, on the client…). The counts say where a load queues.
*/
import pg from 'pg'

export interface WaitProfile {
  samples: number
  /** Mean number of active backends of the bench database per sample. */
  meanActive: number
  /** Share of active-backend samples by wait ("CPU" when not waiting), largest first. */
  top: { wait: string; share: number }[]
}

export async function sampleWaits(url: string, database: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const counts = new Map<string, number>()
  let samples = 0
  let active = 0
  let stopped = false
  const loop = (async () => {
    while (!stopped) {
      try {
        const { rows } = await client.query(
          `SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') AS wait FROM pg_stat_activity
           WHERE datname = $1 AND backend_type = 'client backend' AND state = 'active' AND pid <> pg_backend_pid()`,
          [database]
        )
        samples++
        active += rows.length
        for (const { wait } of rows) counts.set(wait, (counts.get(wait) ?? 0) + 1)
      } catch {
        break
      }
      await new Promise((r) => setTimeout(r, 100))
    }
  })()
  return async (): Promise<WaitProfile> => {
    stopped = true
    await loop
    await client.end().catch(() => {})
    const total = [...counts.values()].reduce((a, b) => a + b, 0)
    return {
      samples,
      meanActive: samples ? Math.round((active / samples) * 10) / 10 : 0,
      top: [...counts]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([wait, n]) => ({ wait, share: total ? Math.round((n / total) * 100) / 100 : 0 })),
    }
  }
}
