import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import AuditEvent from '../models/audit_event.js'
import type { CurrentUser } from './current_user.js'
import { lineageOf } from './region_scope.js'

export interface RequestMeta {
  ip: string | null
  userAgent: string | null
}

export interface AuditEntry {
  action: string
  actor?: Pick<CurrentUser, 'id' | 'role' | 'displayName' | 'unitName'> | null
  /** Label for an actor without an account (a failed sign-in, say), already masked. */
  actorLabel?: string
  subjectType?: string
  subjectId?: string | number
  /** One line a reviewing admin can read. Never contains unmasked personal data. */
  summary?: string
  /** The region the event belongs to; admins of that region and above can read it. */
  regionCode?: string | null
  details?: Record<string, unknown>
  meta?: RequestMeta
}

export function requestMeta(ctx: HttpContext): RequestMeta {
  return {
    ip: ctx.request.ip() ?? null,
    userAgent: ctx.request.header('user-agent')?.slice(0, 255) ?? null,
  }
}

/**
 * Writes one audit entry. Pass the transaction of the change it records
 * (`client`), so the change and its audit entry commit or roll back
 * together; without one it is written on its own (views, sign-ins).
 */
export async function recordAudit(entry: AuditEntry, client?: TransactionClientContract) {
  const lineage = entry.regionCode ? lineageOf(entry.regionCode) : null
  await AuditEvent.create(
    {
      occurredAt: DateTime.now(),
      action: entry.action,
      actorId: entry.actor?.id ?? null,
      actorRole: entry.actor?.role ?? null,
      actorLabel:
        entry.actorLabel ??
        (entry.actor
          ? [entry.actor.unitName, entry.actor.displayName].filter(Boolean).join(' ')
          : null),
      subjectType: entry.subjectType ?? null,
      subjectId: entry.subjectId === undefined ? null : String(entry.subjectId),
      summary: entry.summary ?? null,
      regionCode: lineage?.regionCode ?? null,
      provinceCode: lineage?.provinceCode ?? null,
      cityCode: lineage?.cityCode ?? null,
      countyCode: lineage?.countyCode ?? null,
      ip: entry.meta?.ip ?? null,
      userAgent: entry.meta?.userAgent ?? null,
      details: entry.details ?? null,
    },
    client ? { client } : undefined
  )
}
