/*
| Key facts of an approved filing (fields marked `key`): they change only
| through a change request the bureau decides (Art. 12; security review
| finding 2 for the supervised account, venues and categories). A save of
| an approved part keeps the approved values and hands back what differs.
*/
import { FIELDS, type FilingValues, type Section } from '../filing/fields.js'
import type { KeyFactChanges } from '../models/change_request.js'
import { sealIdNumber } from '#kernel/shared/personal_data'
import type { SealedFields } from './personal_fields.js'

/* Moving to another region is a transfer between bureaus, not a change request. */
const NEVER_BY_REQUEST = new Set(['regionCode'])

export function keyFieldsOf(section: Section): string[] {
  return FIELDS[section].filter((f) => f.key).map((f) => f.name)
}

export function sectionOfKey(key: string): Section | null {
  for (const [section, defs] of Object.entries(FIELDS))
    if (defs.some((d) => d.name === key && d.key)) return section as Section
  return null
}

/* Numbers typed as text and validated as numbers are the same fact; key order does not matter. */
function canonical(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return null
  if (typeof value === 'number') return String(value)
  if (Array.isArray(value)) return value.map(canonical)
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .map(([k, v]) => [k, canonical(v)] as const)
        .filter(([, v]) => v !== null)
        .sort(([a], [b]) => a.localeCompare(b))
    )
  }
  return value
}

export function sameFact(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))
}

/**
 * The part as it may be stored (approved key facts kept) and the key facts
 * the person changed. A personal key fact is compared by its blind index
 * and proposed sealed; left out of the part, the sealed value on file is
 * kept (sealPersonalFields).
 */
export function pinKeyFacts(
  section: Section,
  proposed: FilingValues,
  approved: FilingValues,
  sealed: SealedFields = {}
): { data: FilingValues; changes: KeyFactChanges } {
  const data: FilingValues = { ...proposed }
  const changes: KeyFactChanges = {}
  for (const def of FIELDS[section].filter((f) => f.key)) {
    const key = def.name
    const before = approved[key] ?? null
    if (def.personal) {
      const typed = typeof proposed[key] === 'string' ? proposed[key].trim() : ''
      const next = typed ? sealIdNumber(typed) : null
      if (next && next.index !== sealed[key]?.index)
        changes[key] = {
          from: before,
          to: next.masked,
          sealed: { cipher: next.cipher, index: next.index },
        }
      delete data[key]
      continue
    }
    if (!NEVER_BY_REQUEST.has(key) && key in proposed && !sameFact(proposed[key], before))
      changes[key] = { from: before, to: proposed[key] ?? null }
    if (key in approved) data[key] = approved[key]
    else delete data[key]
  }
  return { data, changes }
}
