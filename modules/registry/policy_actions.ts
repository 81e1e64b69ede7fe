/*
| Policy actions the registry offers to provincial plugins' policies
| (app/plugins/policies.ts runs them). Each acts only on the institution
| the policy's event names, inside one of the plugin's provinces, writes
| only through the run's transaction (a policy that throws leaves nothing
| and is retried) and leaves an audit entry naming the plugin and policy.
*/
import { DateTime } from 'luxon'
import { type LocalizedText, textIn } from '#plugin_sdk'
import {
  type PolicyRun,
  PolicyActionRefused,
  providePolicyAction,
  requireNamedByEvent,
} from '#kernel/plugins/policies'
import { todayIso } from '#kernel/shared/dates'
import { recordAudit } from '#modules/identity'
import Institution from './models/institution.js'
import { openRectificationCase } from './actions/open_rectification_case.js'
import { publishNotice } from './services/notices.js'
import { FINDING_ITEMS } from './services/list_rules.js'

/** A rectification deadline lies within a year: the annual inspection cycle. */
export const MAX_DEADLINE_DAYS = 365

/**
 * The notice kinds a plugin may publish. Removals, restorations, name
 * changes and black-list entries are published by their own procedures,
 * with the decision they announce, never by a policy.
 */
export const POLICY_NOTICE_KINDS = ['risk', 'other'] as const

export interface PolicyRectificationInput {
  /** Must be the institution the event is about (its `institutionId`). */
  institutionId: number
  /** One of the registry's finding items: "fees", "advertising", "materials", "schedule", "other"… */
  item: (typeof FINDING_ITEMS)[number]
  severity: 'minor' | 'serious'
  /** What must be put right, shown to the institution (2–1000 characters, zh-CN). */
  description: string
  /** YYYY-MM-DD, after today and at most MAX_DEADLINE_DAYS ahead. */
  deadline: string
  /** The document the case is opened under, with its number. */
  authority: LocalizedText
}

export interface PolicyNoticeInput {
  /** Must be the institution the event is about (its `institutionId`). */
  institutionId: number
  /** 'other' (the default) or 'risk' (a risk warning to parents). */
  kind?: (typeof POLICY_NOTICE_KINDS)[number]
  /** 4–100 characters, zh-CN: public notices are published in Chinese. */
  title: string
  /** 10–2000 characters, zh-CN. */
  body: string
}

declare module '#plugin_sdk' {
  interface PolicyActions {
    /**
     * Opens a rectification case on the institution the event names: a
     * recorded inspection (unit: your plugin's name) with one open finding
     * and its deadline, so the institution sees it and its list status is
     * recomputed (grey while open; black if the deadline is missed, by the
     * national list rules or your `registry.list.classify` rule).
     */
    openRectificationCase(input: PolicyRectificationInput): Promise<void>
    /**
     * Publishes a public notice (kind 'other' or 'risk') about the
     * institution the event names, in the event's region, published by
     * your plugin's name; it appears on the website's notices at once.
     */
    publishNotice(input: PolicyNoticeInput): Promise<void>
  }
}

const refuse = (run: PolicyRun, message: string): never => {
  throw new PolicyActionRefused(`${run.pluginId}/${run.policyId}: ${message}`)
}

function requireText(run: PolicyRun, name: string, value: unknown, min: number, max: number) {
  const length = typeof value === 'string' ? [...value.trim()].length : -1
  if (length < min || length > max) {
    refuse(run, `${name} must be text of ${min} to ${max} characters`)
  }
  return (value as string).trim()
}

/** The institution the event names, if it stands in one of the plugin's provinces. */
async function institutionOf(run: PolicyRun, institutionId: unknown) {
  if (!Number.isSafeInteger(institutionId)) refuse(run, 'institutionId must be an institution id')
  requireNamedByEvent(run, institutionId, ['institutionId'])
  const institution = await Institution.find(institutionId as number, { client: run.trx })
  if (!institution) return refuse(run, `institution ${institutionId} does not exist`)
  if (institution.provinceCode !== run.province) {
    return refuse(run, `institution ${institutionId} is not in province ${run.province}`)
  }
  if (institution.removedAt) return refuse(run, `institution ${institutionId} has been removed`)
  return institution
}

providePolicyAction('openRectificationCase', (run) => async (input) => {
  const institution = await institutionOf(run, input.institutionId)
  if (!(FINDING_ITEMS as readonly string[]).includes(input.item)) {
    refuse(run, `item must be one of ${FINDING_ITEMS.join(', ')}`)
  }
  if (input.severity !== 'minor' && input.severity !== 'serious') {
    refuse(run, `severity must be 'minor' or 'serious'`)
  }
  const description = requireText(run, 'description', input.description, 2, 1000)
  const authority = requireText(run, 'authority', textIn(input.authority ?? '', 'zh-CN'), 2, 200)
  const deadline = typeof input.deadline === 'string' ? DateTime.fromISO(input.deadline) : null
  const today = todayIso()
  const latest = DateTime.fromISO(today).plus({ days: MAX_DEADLINE_DAYS }).toISODate()!
  if (
    !deadline?.isValid ||
    !/^\d{4}-\d{2}-\d{2}$/.test(input.deadline) ||
    input.deadline <= today ||
    input.deadline > latest
  ) {
    refuse(run, `deadline must be a date (YYYY-MM-DD) after ${today} and no later than ${latest}`)
  }
  await openRectificationCase(
    { automated: run.actorLabel },
    {
      institutionId: institution.id,
      item: input.item,
      severity: input.severity,
      description,
      deadline: input.deadline,
      purpose: `${run.pluginName}：${authority}`,
    },
    { client: run.trx }
  )
})

providePolicyAction('publishNotice', (run) => async (input) => {
  const institution = await institutionOf(run, input.institutionId)
  const kind = input.kind ?? 'other'
  if (!(POLICY_NOTICE_KINDS as readonly string[]).includes(kind)) {
    refuse(run, `a plugin publishes notices of kind ${POLICY_NOTICE_KINDS.join(' or ')} only`)
  }
  const title = requireText(run, 'title', input.title, 4, 100)
  const body = requireText(run, 'body', input.body, 10, 2000)
  const notice = await publishNotice(
    {
      kind,
      institutionId: institution.id,
      regionCode: run.region,
      title,
      body,
      publishedByUnit: run.pluginName.slice(0, 128),
    },
    run.trx
  )
  await recordAudit(
    {
      action: 'registry.notice_published',
      actorLabel: run.actorLabel,
      subjectType: 'public_notice',
      subjectId: notice.id,
      regionCode: run.region,
      summary: title,
      details: { institutionId: institution.id, kind, policyRunId: run.id },
    },
    run.trx
  )
})
