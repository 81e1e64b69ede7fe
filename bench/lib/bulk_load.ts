/*
| Bulk loading for generated data (the benchmark generator): one dedicated
| PostgreSQL connection, set-based statements, COPY from JavaScript rows,
| and a way to load a table without maintaining its secondary indexes and
| foreign keys row by row. Nothing here knows a module: each module's
| generator loads its own tables through a session it is handed.
|
| Loading runs inside the module's transaction, so a failure rolls back
| the rows and the dropped indexes, constraints and disabled triggers
| alike: the schema is never left half-stripped.
*/
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import db from '@adonisjs/lucid/services/db'
import { from as copyFrom } from 'pg-copy-streams'
import type { Client } from 'pg'
import { type SealedBatch, type SealKind, type SealPool, sealHere } from './seal_pool.js'

export type CopyValue = string | number | bigint | boolean | Date | null | undefined | object

/** COPY text format: \N for null, backslash escapes for the rest. */
export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N'
  if (typeof value === 'number' || typeof value === 'bigint') return String(value)
  if (typeof value === 'boolean') return value ? 't' : 'f'
  const text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'string'
        ? value
        : JSON.stringify(value)
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : text
}

/** A PostgreSQL array literal ({a,"b c"}) for text[] and bigint[] columns. */
export function pgArray(values: readonly (string | number)[]): string {
  return `{${values.map((v) => (typeof v === 'number' ? String(v) : `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`
}

interface SavedSchema {
  indexes: { name: string; def: string }[]
  constraints: { table: string; name: string; def: string; type: 'f' | 'u' }[]
}

export interface BulkLoadOptions {
  /** Also disable the tables' user triggers (never the foreign-key ones, which are dropped anyway) until the load ends. */
  disableTriggers?: boolean
}

const slowerThan = (started: number) =>
  !!process.env.BENCH_SQL_TIMING &&
  performance.now() - started > Number(process.env.BENCH_SQL_TIMING)

/** Elapsed seconds since a performance.now() reading, one decimal. */
export const secondsSince = (start: number) => Math.round((performance.now() - start) / 100) / 10

export class BulkSession {
  #client: Client
  #release: () => Promise<void>
  #inTransaction = false
  #sealer: SealPool | null = null

  private constructor(client: Client, release: () => Promise<void>) {
    this.#client = client
    this.#release = release
  }

  /** A connection of its own from the application's pool, tuned for loading (nothing is lost but speed if the server stops: the generator is rerun). */
  static async open(
    settings: { workMem?: string; maintenanceWorkMem?: string; tempBuffers?: string } = {}
  ): Promise<BulkSession> {
    const knex = db.connection().getWriteClient() as any
    const client: Client = await knex.client.acquireConnection()
    const session = new BulkSession(client, async () => knex.client.releaseConnection(client))
    await session.exec(`SET synchronous_commit = off`)
    await session.exec(`SET work_mem = '${settings.workMem ?? '2GB'}'`)
    await session.exec(`SET maintenance_work_mem = '${settings.maintenanceWorkMem ?? '2GB'}'`)
    await session.exec(`SET statement_timeout = 0`)
    /* Staging tables are temporary: give them memory before the first is created (it cannot change afterwards). */
    await session.exec(`SET temp_buffers = '${settings.tempBuffers ?? '2GB'}'`).catch(() => {})
    return session
  }

  async close() {
    await this.exec('RESET ALL').catch(() => {})
    await this.#release()
  }

  /** Personal data of this load is sealed by these workers (the application's encryption in each). */
  useSealPool(pool: SealPool | null) {
    this.#sealer = pool
  }

  /** Seals values as the application does (sealPhone, sealIdNumber, or encryption.encrypt for `text`), in worker threads when a pool is set. */
  seal(kind: SealKind, values: readonly string[]): Promise<SealedBatch> {
    return this.#sealer ? this.#sealer.seal(kind, values) : Promise.resolve(sealHere(kind, values))
  }

  async query<T = any>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.#run(sql, params)).rows as T[]
  }

  /** Runs a statement and returns how many rows it touched. */
  async exec(sql: string, params: unknown[] = []): Promise<number> {
    return (await this.#run(sql, params)).rowCount ?? 0
  }

  /* BENCH_SQL_TIMING=<ms> prints every statement slower than that, to find what to optimise. */
  async #run(sql: string, params: unknown[]) {
    const started = performance.now()
    const result = await this.#client.query(sql, params as any[])
    if (slowerThan(started)) {
      console.log(
        `${(performance.now() - started).toFixed(0).padStart(7)} ms  ${sql.replace(/\s+/g, ' ').trim().slice(0, 110)}`
      )
    }
    return result
  }

  async count(table: string): Promise<number> {
    const [row] = await this.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)
    return Number(row!.n)
  }

  /** One transaction around the work: everything or nothing, DDL included. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.#inTransaction) return work()
    await this.exec('BEGIN')
    this.#inTransaction = true
    try {
      const result = await work()
      await this.exec('COMMIT')
      return result
    } catch (error) {
      await this.exec('ROLLBACK').catch(() => {})
      throw error
    } finally {
      this.#inTransaction = false
    }
  }

  /** Streams rows into a table with COPY; rows are arrays in the order of `columns`. Returns the number of rows. */
  async copy(
    table: string,
    columns: readonly string[],
    rows: Iterable<readonly CopyValue[]> | AsyncIterable<readonly CopyValue[]>
  ): Promise<number> {
    let count = 0
    async function* chunks() {
      let buffer = ''
      for await (const row of rows as AsyncIterable<readonly CopyValue[]>) {
        let line = ''
        for (let i = 0; i < row.length; i++) line += (i ? '\t' : '') + copyField(row[i])
        buffer += line + '\n'
        count++
        if (buffer.length > 1 << 18) {
          yield buffer
          buffer = ''
        }
      }
      if (buffer) yield buffer
    }
    const started = performance.now()
    const stream = this.#client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`))
    await pipeline(Readable.from(chunks()), stream)
    if (slowerThan(started))
      console.log(
        `${(performance.now() - started).toFixed(0).padStart(7)} ms  COPY ${table} (${count} rows)`
      )
    return count
  }

  /**
   * Runs `load` with the tables' secondary indexes, unique constraints and
   * foreign keys dropped, then rebuilds them from their saved definitions
   * (a foreign key added back validates every row in one pass). Primary
   * keys stay. Unique constraints another table's foreign key relies on stay.
   */
  async withoutIndexes<T>(
    tables: readonly string[],
    load: () => Promise<T>,
    options: BulkLoadOptions = {}
  ): Promise<T> {
    return this.transaction(async () => {
      const saved = await this.#stripTables(tables)
      if (options.disableTriggers)
        for (const table of tables) await this.exec(`ALTER TABLE ${table} DISABLE TRIGGER USER`)
      const result = await load()
      if (options.disableTriggers)
        for (const table of tables) await this.exec(`ALTER TABLE ${table} ENABLE TRIGGER USER`)
      await this.#restore(saved)
      return result
    })
  }

  async #stripTables(tables: readonly string[]): Promise<SavedSchema> {
    const names = tables.map((t) => t.replace(/"/g, ''))
    const constraints = await this.query<{
      table: string
      name: string
      def: string
      type: 'f' | 'u'
    }>(
      `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS def, c.contype AS type
         FROM pg_constraint c
        WHERE c.conrelid = ANY(SELECT to_regclass(t) FROM unnest($1::text[]) AS t)
          AND (c.contype = 'f' OR (c.contype = 'u' AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = c.conindid)))
        ORDER BY c.contype, c.conname`,
      [names]
    )
    const indexes = await this.query<{ name: string; def: string }>(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
         FROM pg_index i
        WHERE i.indrelid = ANY(SELECT to_regclass(t) FROM unnest($1::text[]) AS t)
          AND NOT i.indisprimary
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))
        ORDER BY 1`,
      [names]
    )
    for (const c of constraints.filter((k) => k.type === 'f'))
      await this.exec(`ALTER TABLE ${c.table} DROP CONSTRAINT "${c.name}"`)
    for (const c of constraints.filter((k) => k.type === 'u'))
      await this.exec(`ALTER TABLE ${c.table} DROP CONSTRAINT "${c.name}"`)
    for (const i of indexes) await this.exec(`DROP INDEX ${i.name}`)
    return { indexes, constraints }
  }

  async #restore(saved: SavedSchema) {
    for (const i of saved.indexes) await this.exec(i.def)
    for (const c of saved.constraints.filter((k) => k.type === 'u'))
      await this.exec(`ALTER TABLE ${c.table} ADD CONSTRAINT "${c.name}" ${c.def}`)
    for (const c of saved.constraints.filter((k) => k.type === 'f'))
      await this.exec(`ALTER TABLE ${c.table} ADD CONSTRAINT "${c.name}" ${c.def}`)
  }

  /** Moves a table's id sequence past the ids a load wrote explicitly. */
  async syncSequence(table: string, column = 'id') {
    await this.exec(
      `SELECT setval(pg_get_serial_sequence($1, $2), greatest((SELECT max(${column}) FROM ${table}), 1))`,
      [table, column]
    )
  }
}

/**
 * Rows made batch by batch, where each batch needs some slow preparation
 * (sealing its personal data in the worker threads): the next batches are
 * prepared while the rows of the current one are formatted and written.
 */
export async function* prefetched<B, P>(
  batches: Iterable<B>,
  prepare: (batch: B) => Promise<P>,
  rows: (batch: B, prepared: P) => Iterable<readonly CopyValue[]>,
  ahead = 2
): AsyncGenerator<readonly CopyValue[]> {
  const queue: { batch: B; prepared: Promise<P> }[] = []
  const iterator = batches[Symbol.iterator]()
  const fill = () => {
    while (queue.length < ahead) {
      const next = iterator.next()
      if (next.done) return
      const prepared = prepare(next.value)
      prepared.catch(() => {})
      queue.push({ batch: next.value, prepared })
    }
  }
  fill()
  let waited = 0
  while (queue.length) {
    const { batch, prepared } = queue.shift()!
    const started = performance.now()
    const ready = await prepared
    waited += performance.now() - started
    fill()
    yield* rows(batch, ready)
  }
  if (process.env.BENCH_SQL_TIMING)
    console.log(`${waited.toFixed(0).padStart(7)} ms  waiting for prepared batches`)
}

/**
 * A small, fast, seeded generator (mulberry32): the same seed gives the
 * same data on every machine, so a benchmark can be repeated exactly.
 */
export class Rng {
  #state: number

  constructor(seed: number) {
    this.#state = seed >>> 0 || 0x9e3779b9
  }

  next(): number {
    let t = (this.#state = (this.#state + 0x6d2b79f5) >>> 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  /** Picks a key of a table of weights (they need not sum to 1). */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][]
    let r = this.next() * entries.reduce((n, [, w]) => n + w, 0)
    for (const [key, w] of entries) if ((r -= w) < 0) return key
    const last = entries.at(-1)
    if (!last) throw new RangeError('weighted: no weights to pick from')
    return last[0]
  }
}

/** SQL for a deterministic uniform number in [0, 1) from an integer expression and a salt (PostgreSQL's seeded hash). */
export function uniformSql(expr: string, salt: number): string {
  return `((hashint8extended((${expr})::bigint, ${salt}) & 9007199254740991)::float8 / 9007199254740992)`
}
