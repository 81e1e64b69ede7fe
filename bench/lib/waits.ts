/*
| What the database's sessions were doing during a load: pg_stat_activity
| sampled every 100 ms (running, waiting on a row lock, on the WAL flush of
| a commit, or inside a transaction waiting for the app's next statement).
| The counts say where a load queues.
*/
import pg from 'pg'

export interface WaitProfile {
  samples: number
  /** Mean number of busy backends of the bench database per sample (running a statement, or inside a transaction). */
  meanActive: number
  /** Share of busy-backend samples by what they did ("CPU" when running), largest first. */
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
          `SELECT CASE WHEN state <> 'active' THEN 'in transaction, waiting for the app' ELSE coalesce(wait_event_type || ':' || wait_event, 'CPU') END AS wait
           FROM pg_stat_activity
           WHERE datname = $1 AND backend_type = 'client backend' AND state IN ('active', 'idle in transaction') AND pid <> pg_backend_pid()`,
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
