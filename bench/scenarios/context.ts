/*
| What every scenario gets from the runner: options, the running app, where
| to log, and a way into the bench database.
*/
import type { BenchOptions } from '../lib/options.js'

export interface BenchContext {
  options: BenchOptions
  /** http://127.0.0.1:<port> of the built server. */
  base: string
  serverPid: number
  /** The app's environment (for the worker and in-app tasks). */
  env: NodeJS.ProcessEnv
  /** URL of the bench database. */
  databaseUrl: string
  /** The bench database, for sampling its sessions during loads. */
  database: { url: string; name: string }
  /** Secret the app verifies sandbox callbacks with. */
  channelSecret: string
  /** Log file of child processes. */
  log: string
  /** Scratch folder for this run. */
  workDir: string
  say: (message: string) => void
}

/** The four admin levels whose dashboards are measured, signed in once per run. */
export interface BenchAdmin {
  level: 'ministry' | 'province' | 'city' | 'county'
  username: string
  password: string
  regionCode: string
}
