/*
| Plugin policies: reactions to domain events, after commit, retried.
|
| 1. A domain event is delivered by the outbox drain. For each policy of a
|    plugin that governs the event's region (and is switched on there), one
|    row is written to plugin_policy_runs and one `plugins:policy_run`
|    outbox event is published, in one transaction. The source outbox row
|    id makes a redelivered event enqueue each policy once.
| 2. That outbox event runs the policy in its own transaction. The actions a
|    policy takes (PolicyActions) write in that transaction and the run is
|    marked done in it, so a run's effects commit once. A policy that
|    throws changes nothing; the run keeps its error and attempt count and
|    the outbox retries it with back-off until MAX_ATTEMPTS, then it is
|    "failed" and stays in plugin_policy_runs, listed for operators at
|    /manage/operations (app/shared/stuck_work.ts), who may requeue it. A
|    run whose action was refused (PolicyActionRefused: another
|    institution, a bad input) would be refused again, so it fails at once.
| Reminders (messages' sendReminder) are not texted from inside the run:
| the run's transaction queues each message (modules/messages), so a run
| that fails queues nothing and its retry queues afresh. Once the run
| commits, the outbox sends each text and retries a failed delivery with
| back-off; a drain that dies after the provider took a text but before
| recording it sends it again (at least once, never lost once committed).
*/
import type { EmitterService } from '@adonisjs/core/types'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type {
  AnyPolicy,
  LocalizedText,
  PluginDefinition,
  PolicyActions,
  PolicyContext,
} from '../plugin_sdk/index.js'
import { type RegionCode, isRegionCode, provinceOf } from '../shared/region_code.js'
import { publish } from '../shared/outbox.js'
import { MAX_ATTEMPTS, deliveringOutboxId } from '../shared/outbox_drain.js'
import { textIn } from '../plugin_sdk/index.js'
import { type PluginHost, pluginHost } from './plugin_host.js'

declare module '@adonisjs/core/types' {
  interface EventsList {
    /** Internal: run one plugin policy for one event (see plugin_policy_runs). */
    'plugins:policy_run': { runId: number }
  }
}

/** One policy reacting to one event, as the modules' action providers see it. */
export interface PolicyRun {
  id: number
  pluginId: string
  policyId: string
  event: string
  payload: Record<string, unknown>
  region: RegionCode
  province: RegionCode
  /** Every write of the run goes through this transaction. */
  trx: TransactionClientContract
  /** Who acted, for audit trails and notices: the plugin's name and the policy id. */
  actorLabel: string
  /** The plugin's name (zh-CN), for what the public or a recipient reads: a notice's publisher, a reminder's sender. */
  pluginName: string
}

/** A policy asked for something its event does not entitle it to (another institution, another person). */
export class PolicyActionRefused extends Error {}

/**
 * Refuses unless the event names `value` under one of `keys`: a policy acts
 * only on the institution or person its event is about.
 */
export function requireNamedByEvent(run: PolicyRun, value: unknown, keys: string[]) {
  if (!keys.some((key) => run.payload[key] === value)) {
    throw new PolicyActionRefused(
      `${run.pluginId}/${run.policyId}: ${JSON.stringify(value)} is not the ${keys.join(' or ')} of this ${run.event} event`
    )
  }
}

type ActionProvider<K extends keyof PolicyActions> = (run: PolicyRun) => PolicyActions[K]
const providers = new Map<string, ActionProvider<any>>()

/** Called by the module that owns an action (modules/<m>/policy_actions.ts), at boot. */
export function providePolicyAction<K extends keyof PolicyActions>(
  name: K,
  provider: ActionProvider<K>
) {
  if (providers.has(name)) throw new Error(`Policy action "${name}" is provided twice`)
  providers.set(name, provider)
}

export function providedPolicyActions(): string[] {
  return [...providers.keys()].sort()
}

function actionsFor(run: PolicyRun): PolicyActions {
  const actions: Record<string, unknown> = {}
  for (const [name, provider] of providers) actions[name] = provider(run)
  return actions as unknown as PolicyActions
}

/* The kernel's own action, until a credit module owns it (see migration 0006). */
providePolicyAction('recordCreditAdjustment', (run) => async (input) => {
  requireNamedByEvent(run, input.institutionId, ['institutionId'])
  if (!Number.isInteger(input.points) || input.points === 0 || Math.abs(input.points) > 1000) {
    throw new PolicyActionRefused(
      `${run.pluginId}/${run.policyId}: credit points must be a whole number between -1000 and 1000, not 0`
    )
  }
  await run.trx.table('plugin_credit_adjustments').insert({
    policy_run_id: run.id,
    plugin_id: run.pluginId,
    policy_id: run.policyId,
    institution_id: input.institutionId,
    region_code: run.region,
    province_code: run.province,
    points: input.points,
    reason: JSON.stringify(input.reason),
    authority: JSON.stringify(input.authority),
  })
})

function policiesFor(
  host: PluginHost,
  event: string,
  region: RegionCode
): { plugin: PluginDefinition; policy: AnyPolicy }[] {
  return host
    .pluginsFor(region)
    .flatMap((plugin) =>
      (plugin.policies ?? []).filter((p) => p.on === event).map((policy) => ({ plugin, policy }))
    )
}

/** Where a policy run stands (for the modules' tests of their actions, which do not read kernel tables). */
export async function policyRunState(
  runId: number
): Promise<{ status: string; attempts: number; lastError: string | null } | null> {
  const run = await db.from('plugin_policy_runs').where('id', runId).first()
  return run ? { status: run.status, attempts: run.attempts, lastError: run.last_error } : null
}

/** Step 1: writes one run (and its outbox event) per policy that must react to this event. */
export async function enqueuePolicyRuns(
  event: string,
  payload: unknown,
  host: PluginHost = pluginHost
): Promise<number[]> {
  const region = (payload as { regionCode?: unknown } | null)?.regionCode
  if (!isRegionCode(region)) return []
  const province = provinceOf(region)
  if (!province) return []
  const active = new Set((await host.activeFor(region)).map((plugin) => plugin.id))
  const candidates = policiesFor(host, event, region).filter(({ plugin }) => active.has(plugin.id))
  if (!candidates.length) return []
  const source = deliveringOutboxId()
  return db.transaction(async (trx) => {
    const ids: number[] = []
    for (const { plugin, policy } of candidates) {
      const { rows } = await trx.rawQuery(
        `INSERT INTO plugin_policy_runs (plugin_id, policy_id, event, payload, region_code, province_code, source_outbox_id)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (source_outbox_id, plugin_id, policy_id) DO NOTHING RETURNING id`,
        [plugin.id, policy.id, event, JSON.stringify(payload), region, province, source] as any[]
      )
      for (const row of rows as { id: number }[]) {
        ids.push(Number(row.id))
        await publish(trx, 'plugins:policy_run', { runId: Number(row.id) })
      }
    }
    return ids
  })
}

/** Step 2: runs one policy for one event; throws (so the outbox retries) when the policy fails. */
export async function runPolicy(runId: number, host: PluginHost = pluginHost): Promise<void> {
  try {
    await db.transaction(async (trx) => {
      const run = await trx.from('plugin_policy_runs').where('id', runId).forUpdate().first()
      if (!run || ['done', 'dropped', 'failed'].includes(run.status)) return
      const plugin = host.plugins().find((p) => p.id === run.plugin_id)
      const policy = plugin?.policies?.find((p) => p.id === run.policy_id)
      if (!plugin || !policy) {
        await trx.from('plugin_policy_runs').where('id', runId).update({
          status: 'dropped',
          last_error: 'the plugin or its policy is no longer installed',
          finished_at: new Date(),
        })
        return
      }
      const policyRun: PolicyRun = {
        id: runId,
        pluginId: plugin.id,
        policyId: policy.id,
        event: run.event,
        payload: run.payload,
        region: run.region_code,
        province: run.province_code,
        trx,
        actorLabel: `${textIn(plugin.name, 'zh-CN')} · ${policy.id}`,
        pluginName: textIn(plugin.name, 'zh-CN'),
      }
      const { enabled, settings } = await host.stateOf(plugin, policyRun.province)
      if (!enabled) {
        /* Switched off between the event and the run: the switch applies to every decision not yet taken. */
        await trx
          .from('plugin_policy_runs')
          .where('id', runId)
          .update({
            status: 'dropped',
            last_error: `the plugin was switched off in ${policyRun.province} before the policy ran`,
            finished_at: new Date(),
          })
        return
      }
      const ctx: PolicyContext = {
        region: policyRun.region,
        province: policyRun.province,
        settings,
        actions: actionsFor(policyRun),
      }
      const handle = policy.handle as (event: unknown, ctx: PolicyContext) => unknown
      await handle(run.payload, ctx)
      await trx
        .from('plugin_policy_runs')
        .where('id', runId)
        .update({
          status: 'done',
          attempts: run.attempts + 1,
          last_error: null,
          finished_at: new Date(),
        })
    })
  } catch (error) {
    const message = String((error as Error)?.stack ?? error).slice(0, 2000)
    /* A refused action would be refused again: the run fails at once, for operators to see, not 12 times. */
    const final = error instanceof PolicyActionRefused ? 0 : MAX_ATTEMPTS
    await db.rawQuery(
      `UPDATE plugin_policy_runs SET attempts = attempts + 1, last_error = ?,
              status = CASE WHEN attempts + 1 >= ? THEN 'failed' ELSE 'retrying' END,
              finished_at = CASE WHEN attempts + 1 >= ? THEN clock_timestamp() END
        WHERE id = ?`,
      [message, final, final, runId]
    )
    logger.warn({ err: error, policyRunId: runId }, 'plugin policy failed; the outbox retries it')
    throw error
  }
}

/** Listens to every event some installed policy reacts to, and to the runs themselves. */
export function subscribePolicies(emitter: EmitterService, host: PluginHost = pluginHost) {
  const events = new Set(
    host.plugins().flatMap((plugin) => (plugin.policies ?? []).map((policy) => policy.on as string))
  )
  for (const event of events) {
    emitter.on(event as any, async (payload: unknown) => {
      await enqueuePolicyRuns(event, payload, host)
    })
  }
  emitter.on('plugins:policy_run', ({ runId }) => runPolicy(runId, host))
}

/** One credit adjustment a plugin policy recorded, as the credit module reads it. */
export interface CreditAdjustmentRow {
  id: number
  institutionId: number
  pluginId: string
  policyId: string
  points: number
  reason: LocalizedText
  createdAt: Date
}

/** The adjustments recorded for these institutions since a date, oldest first (one query). */
export async function creditAdjustmentsFor(
  institutionIds: number[],
  since: Date
): Promise<CreditAdjustmentRow[]> {
  if (!institutionIds.length) return []
  const rows = await db
    .from('plugin_credit_adjustments')
    .whereIn('institution_id', [...new Set(institutionIds)])
    .where('created_at', '>=', since)
    .orderBy('id')
  return rows.map((r) => ({
    id: Number(r.id),
    institutionId: Number(r.institution_id),
    pluginId: r.plugin_id,
    policyId: r.policy_id,
    points: r.points,
    reason: r.reason,
    createdAt: r.created_at,
  }))
}
