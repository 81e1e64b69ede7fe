/*
| Each plugin's switch and settings per province, kept in plugin_settings
| (no row: on, with its declared defaults).
|
| Rules are asked inside other transactions, often many times a request,
| so the host never queries per decision: every process keeps a snapshot
| of the table (a few rows per province). A save commits a NOTIFY with
| its row; each process LISTENs and reloads, and the saving process
| reloads before it answers, so the next decision anywhere sees the
| change. While the listening connection is down the snapshot is reloaded
| whenever it is older than STALE_AFTER_MS, so a lost notification delays
| a change by seconds, never for good.
*/
import pg from 'pg'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { PluginDefinition, SettingValue } from '../plugin_sdk/index.js'
import type { RegionCode } from '../shared/region_code.js'
import type { PluginState, PluginStateStore } from './plugin_host.js'
import { effectiveSettings } from './settings.js'

const CHANNEL = 'plugin_settings'
const STALE_AFTER_MS = 5_000

export interface StoredPluginState {
  pluginId: string
  provinceCode: string
  enabled: boolean
  values: Record<string, SettingValue>
  /** Raised by every save; a save that names an older version is refused (two admins, one form). */
  version: number
  updatedById: number | null
  updatedAt: Date | null
}

export class PluginStateConflict extends Error {}

const keyOf = (pluginId: string, province: string) => `${pluginId}:${province}`

export class DatabaseStateStore implements PluginStateStore {
  #rows = new Map<string, StoredPluginState>()
  #effective = new Map<string, PluginState>()
  #loadedAt = 0
  #loading: Promise<void> | null = null
  #listener: pg.Client | null = null
  #listening = false
  #closed = false

  #connectionString: string | undefined

  /** Where to LISTEN for other processes' saves; without it the snapshot is reloaded when stale. */
  listenWith(connectionString: string | undefined) {
    this.#connectionString = connectionString
  }

  async stateOf(plugin: PluginDefinition, province: RegionCode): Promise<PluginState> {
    await this.#fresh()
    const key = keyOf(plugin.id, province)
    let state = this.#effective.get(key)
    if (!state) {
      const row = this.#rows.get(key)
      state = {
        enabled: row?.enabled ?? true,
        settings: effectiveSettings(plugin, row?.values, (setting) =>
          logger.warn(
            { plugin: plugin.id, province, setting },
            'a stored plugin setting no longer fits its declaration; its default applies'
          )
        ),
      }
      this.#effective.set(key, state)
    }
    return state
  }

  /** The stored row (null: never saved, so on with defaults), for the settings page. */
  async storedState(pluginId: string, province: string): Promise<StoredPluginState | null> {
    await this.#fresh()
    return this.#rows.get(keyOf(pluginId, province)) ?? null
  }

  /**
   * Saves a plugin's switch and settings for a province in the caller's
   * transaction (with its audit entry), refusing a stale form. Call
   * `reload()` after the commit; the NOTIFY reaches the other processes at
   * commit.
   */
  async save(
    trx: TransactionClientContract,
    input: {
      pluginId: string
      provinceCode: string
      enabled: boolean
      values: Record<string, SettingValue>
      expectedVersion: number
      actorId: number
    }
  ): Promise<{ before: StoredPluginState | null; after: StoredPluginState }> {
    const current = await trx
      .from('plugin_settings')
      .where({ plugin_id: input.pluginId, province_code: input.provinceCode })
      .forUpdate()
      .first()
    if ((current?.version ?? 0) !== input.expectedVersion) throw new PluginStateConflict()
    const row = {
      plugin_id: input.pluginId,
      province_code: input.provinceCode,
      enabled: input.enabled,
      values: JSON.stringify(input.values),
      version: input.expectedVersion + 1,
      updated_by_id: input.actorId,
      updated_at: new Date(),
    }
    /* No row to lock on a first save: the primary key decides between two first saves. */
    const [saved] = current
      ? await trx
          .from('plugin_settings')
          .where({ plugin_id: input.pluginId, province_code: input.provinceCode })
          .update(row)
          .returning('*')
      : await trx
          .table('plugin_settings')
          .insert(row)
          .onConflict(['plugin_id', 'province_code'])
          .ignore()
          .returning('*')
    if (!saved) throw new PluginStateConflict()
    await trx.rawQuery('SELECT pg_notify(?, ?)', [
      CHANNEL,
      keyOf(input.pluginId, input.provinceCode),
    ])
    return { before: current ? toState(current) : null, after: toState(saved) }
  }

  /** Reads the whole table again (after a save, on a notification, or when stale). */
  async reload(): Promise<void> {
    const rows = await db.from('plugin_settings').select('*')
    this.#rows = new Map(rows.map((row) => [keyOf(row.plugin_id, row.province_code), toState(row)]))
    this.#effective.clear()
    this.#loadedAt = Date.now()
    const waiting = this.#waiting
    this.#waiting = []
    for (const resolve of waiting) resolve()
  }

  #waiting: (() => void)[] = []
  /** Resolves after the next reload (how a test sees another process's save arrive). */
  nextReload(): Promise<void> {
    return new Promise((resolve) => this.#waiting.push(resolve))
  }

  /** True while this process hears other processes' saves as they commit. */
  get listening(): boolean {
    return this.#listening
  }

  async close(): Promise<void> {
    this.#closed = true
    const listener = this.#listener
    this.#listener = null
    this.#listening = false
    await listener?.end().catch(() => {})
  }

  async #fresh() {
    if (this.#loadedAt && (this.#listening || Date.now() - this.#loadedAt < STALE_AFTER_MS)) return
    this.#loading ??= this.reload()
      .then(() => this.#listen())
      .finally(() => (this.#loading = null))
    await this.#loading
  }

  /* One connection per process, outside the pool: LISTEN holds it for the life of the process. */
  async #listen() {
    if (this.#listener || this.#closed || !this.#connectionString) return
    const client = new pg.Client({ connectionString: this.#connectionString })
    this.#listener = client
    const lost = (error?: Error) => {
      if (error)
        logger.warn({ err: error }, 'plugin settings listener lost; polling until it is back')
      this.#listening = false
      if (this.#listener === client) this.#listener = null
    }
    client.on('error', lost)
    client.on('end', () => lost())
    client.on('notification', () => {
      this.reload().catch((error) => logger.warn({ err: error }, 'plugin settings reload failed'))
    })
    try {
      await client.connect()
      await client.query(`LISTEN ${CHANNEL}`)
      this.#listening = true
      /* A save may have committed between the load and the LISTEN. */
      await this.reload()
    } catch (error) {
      lost(error as Error)
      await client.end().catch(() => {})
    }
  }
}

function toState(row: Record<string, any>): StoredPluginState {
  return {
    pluginId: row.plugin_id,
    provinceCode: row.province_code,
    enabled: row.enabled,
    values: row.values ?? {},
    version: row.version,
    updatedById: row.updated_by_id ?? null,
    updatedAt: row.updated_at ?? null,
  }
}

/* One per process, like the plugin host it serves. */
export const pluginStates = new DatabaseStateStore()
