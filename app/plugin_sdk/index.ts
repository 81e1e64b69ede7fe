/*
| The plugin SDK: the only thing a provincial plugin may import.
|
| Modules declare typed extension points by augmenting `ExtensionPoints`
| (see modules/<name>/extension_points.ts); plugins implement them in
| `rules`. Two kinds of point exist:
|   value    - a number, schedule or setting. The most specific rule wins;
|              a plugin rule may call `ctx.next()` to read the national default.
|   decision - a check that returns violations. The national default and every
|              plugin rule for the region all run; their violations add up.
|              Provinces relax a national number through a value point instead.
*/
import type { RegionCode } from '../shared/region_code.js'

export type { RegionCode } from '../shared/region_code.js'

/** Text shown to people: a zh-CN string, or zh-CN with an English version. */
export type LocalizedText = string | { 'zh-CN': string; 'en'?: string }

/** One broken rule: which rule, from which authority, and how to fix it. */
export interface Violation {
  /** Stable code, e.g. "jilin.class_minutes". */
  rule: string
  /** The document the rule comes from, with its number. */
  authority: LocalizedText
  message: LocalizedText
  fix: LocalizedText
  /** The input field the violation is about, when there is one. */
  field?: string
}

/**
 * Every extension point, keyed by name. Modules add theirs:
 *
 *   declare module '#plugin_sdk' {
 *     interface ExtensionPoints {
 *       'identity.audit.retention_days': { kind: 'value'; input: AuditRetentionInput; output: number }
 *     }
 *   }
 */
export interface ExtensionPoints {}

export type PointName = keyof ExtensionPoints & string
type Entry<N extends PointName> = ExtensionPoints[N] extends { kind: infer K; input: infer I; output: infer O }
  ? { kind: K; input: I; output: O }
  : never
export type PointKind<N extends PointName> = Entry<N>['kind']
export type PointInput<N extends PointName> = Entry<N>['input']
export type PointOutput<N extends PointName> = Entry<N>['output']

export interface RuleContext<Output> {
  /** The region of the case being decided (an institution's county, say). */
  region: RegionCode
  /** The province that region belongs to. */
  province: RegionCode
  /** For value points: the answer of the next rule down (in the end, the national default). */
  next(): Promise<Output>
}

export type Rule<N extends PointName> = (
  input: PointInput<N>,
  ctx: RuleContext<PointOutput<N>>
) => PointOutput<N> | Promise<PointOutput<N>>

export type Rules = { [N in PointName]?: Rule<N> }

/**
 * Domain events plugins may react to. Each module adds the events it emits;
 * every event carries the region it happened in.
 */
export interface DomainEvents {}
export type EventName = keyof DomainEvents & string

/** Actions the platform lets a policy take; modules add theirs (e.g. credit adjustments). */
export interface PolicyActions {}

export interface PolicyContext {
  region: RegionCode
  actions: PolicyActions
}

export interface Policy<E extends string = EventName> {
  id: string
  description: LocalizedText
  on: E
  handle(event: E extends EventName ? DomainEvents[E] : never, ctx: PolicyContext): void | Promise<void>
}

/** A form field a plugin adds (e.g. to the filing of its provinces). */
export interface PluginField {
  name: string
  label: LocalizedText
  type: 'text' | 'select' | 'date' | 'number'
  required?: boolean
  options?: { value: string; label: LocalizedText }[]
  hint?: LocalizedText
  maxLength?: number
}

export interface ReportColumn {
  key: string
  label: LocalizedText
  format?: 'text' | 'number' | 'fen' | 'percent' | 'date'
}

export interface ReportContext {
  /** The region of the admin who opened the report. */
  region: RegionCode
  /** Read-only SQL, run in a read-only transaction. */
  sql(text: string, bindings?: unknown[]): Promise<Record<string, unknown>[]>
}

export interface Report {
  id: string
  title: LocalizedText
  description?: LocalizedText
  columns: ReportColumn[]
  chart?: { type: 'bar' | 'line' | 'pie'; x: string; y: string[] }
  query(ctx: ReportContext): Promise<Record<string, unknown>[]>
}

export interface MenuItem {
  label: LocalizedText
  href: string
  /** Which terminal shows it. */
  terminal: 'management' | 'institution' | 'parent'
}

export interface PluginDefinition {
  /** Must equal the folder name under plugins/. */
  id: string
  name: LocalizedText
  /** The plugin's own semver version. */
  version: string
  /** Province codes (GB/T 2260, ending in 0000) this plugin governs. */
  regions: string[]
  /** Semver range of platform versions this plugin works with. */
  platform: string
  description?: LocalizedText
  rules?: Rules
  policies?: Policy<any>[]
  reports?: Report[]
  menu?: MenuItem[]
  /** The plugin ships Edge views in plugins/<id>/views, mounted as `plugin_<id>::`. */
  views?: boolean
}

export function definePlugin<const T extends PluginDefinition>(definition: T): T {
  return definition
}

/* Helpers for decision rules. */

export function violation(v: Violation): Violation {
  return v
}

export function textIn(text: LocalizedText, locale: string): string {
  if (typeof text === 'string') return text
  return (locale.startsWith('en') ? text.en : undefined) ?? text['zh-CN']
}

/* Working days on the official calendar (holidays and adjusted working weekends), for deadline and release rules. */
export { addWorkingDays, isWorkingDay, workingDaysBetween, hasOfficialCalendar } from '../shared/working_days.js'
