/*
| Work the platform gave up on, for the operators' page: outbox events that
| failed after the last retry, and plugin policy runs that did. Both tables
| are the kernel's; modules show and requeue them only through here.
|
| The outbox events that run policies (`plugins:policy_run`) are left out
| of the event list: their run is listed instead, and requeuing the run is
| what works (a requeued run event would find its run failed and stop).
*/
import db from '@adonisjs/lucid/services/db'
import { publish } from './outbox.js'

export const STUCK_PAGE_SIZE = 20

export interface GivenUpEvent {
  id: number
  event: string
  attempts: number
  /** The first line of the last error, at most 300 characters. */
  lastError: string
  createdAt: Date
  failedAt: Date
}

export interface FailedPolicyRun {
  id: number
  pluginId: string
  policyId: string
  event: string
  provinceCode: string
  attempts: number
  lastError: string
  finishedAt: Date | null
}

export interface Page<T> {
  rows: T[]
  total: number
  page: number
  lastPage: number
}

const firstLine = (text: string | null) => (text ?? '').split('\n')[0]!.slice(0, 300)
const pageOf = (page: number) => Math.max(1, Math.floor(page) || 1)

async function paged<T>(query: any, page: number, map: (row: any) => T): Promise<Page<T>> {
  const current = pageOf(page)
  const total = Number((await query.clone().count('* as n').first())?.n ?? 0)
  const rows = await query
    .orderBy('id', 'desc')
    .offset((current - 1) * STUCK_PAGE_SIZE)
    .limit(STUCK_PAGE_SIZE)
  const lastPage = Math.max(1, Math.ceil(total / STUCK_PAGE_SIZE))
  return { rows: rows.map(map), total, page: current, lastPage }
}

export function givenUpEvents(page = 1): Promise<Page<GivenUpEvent>> {
  const query = db
    .from('outbox_events')
    .whereNotNull('failed_at')
    .whereNull('delivered_at')
    .whereNot('event', 'plugins:policy_run')
  return paged(query, page, (r) => ({
    id: Number(r.id),
    event: r.event,
    attempts: r.attempts,
    lastError: firstLine(r.last_error),
    createdAt: r.created_at,
    failedAt: r.failed_at,
  }))
}

export function failedPolicyRuns(page = 1): Promise<Page<FailedPolicyRun>> {
  const query = db.from('plugin_policy_runs').where('status', 'failed')
  return paged(query, page, (r) => ({
    id: Number(r.id),
    pluginId: r.plugin_id,
    policyId: r.policy_id,
    event: r.event,
    provinceCode: r.province_code,
    attempts: r.attempts,
    lastError: firstLine(r.last_error),
    finishedAt: r.finished_at,
  }))
}

/** Gives a given-up event a fresh set of retries; the minute sweep delivers it. False if it is not stuck. */
export async function requeueEvent(id: number): Promise<boolean> {
  const updated = await db
    .from('outbox_events')
    .where('id', id)
    .whereNotNull('failed_at')
    .whereNull('delivered_at')
    .whereNot('event', 'plugins:policy_run')
    .update({ failed_at: null, attempts: 0, available_at: db.raw('clock_timestamp()') })
  return Number(updated) > 0
}

/** Runs a failed policy run again, with fresh retries. False if it is not failed. */
export function requeuePolicyRun(id: number): Promise<boolean> {
  return db.transaction(async (trx) => {
    const updated = await trx
      .from('plugin_policy_runs')
      .where('id', id)
      .where('status', 'failed')
      .update({ status: 'retrying', attempts: 0, finished_at: null })
    if (Number(updated) === 0) return false
    await publish(trx, 'plugins:policy_run', { runId: id })
    return true
  })
}
