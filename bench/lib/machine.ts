/*
| The machine a run measured: CPU, memory, OS, Node.js and the PostgreSQL
| server with the settings that matter for these benchmarks.
*/
import os from 'node:os'
import { serverFacts } from './database.js'
import { round } from './processes.js'

export interface Machine {
  cpuModel: string
  cores: number
  memoryGb: number
  os: string
  node: string
  loadAverage: number[]
  /** Load average when the run finished: with the "other" CPU of each load, a sign of other work on the machine. */
  loadAverageEnd?: number[]
  postgres: Awaited<ReturnType<typeof serverFacts>>
}

export async function describeMachine(databaseUrl: string): Promise<Machine> {
  const cpus = os.cpus()
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: round(os.totalmem() / 2 ** 30, 1),
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    loadAverage: os.loadavg().map((n) => round(n, 2)),
    postgres: await serverFacts(databaseUrl),
  }
}
