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

/**
 * The version of this SDK's contract: the extension points, events, policy
 * actions, slots and types a plugin is written against. A plugin's
 * `platform` range is checked against it at start-up. The major number
 * moves when something a plugin uses changes incompatibly, the minor when
 * something is added; the app's own releases do not move it.
 */
export const PLUGIN_API_VERSION = '1.0.0'

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
type Entry<N extends PointName> = ExtensionPoints[N] extends {
  kind: infer K
  input: infer I
  output: infer O
}
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
  /**
   * Your plugin's settings in that province, as its admin last saved them
   * (defaults where unset). Read them through your `defineSettings`
   * declaration: `settings.read(ctx).maxMinutes`. Empty for the national default.
   */
  settings: SettingsSnapshot
  /** For value points: the answer of the next rule down (in the end, the national default). */
  next(): Promise<Output>
}

export type Rule<N extends PointName> = (
  input: PointInput<N>,
  ctx: RuleContext<PointOutput<N>>
) => PointOutput<N> | Promise<PointOutput<N>>

export type Rules = { [N in PointName]?: Rule<N> }

/**
 * Domain events plugins may react to. Each module adds the events it emits
 * (modules/<name>/events.ts); every event carries the region it happened in.
 * A policy naming an event no module declares fails the type check.
 */
export interface DomainEvents {}
export type EventName = keyof DomainEvents & string

/**
 * What a policy may do (`ctx.actions`). The module that owns the data
 * provides each action (modules/<name>/policy_actions.ts adds it here);
 * the credit adjustment stays with the kernel until a credit module exists:
 *   recordCreditAdjustment   kernel     plugin_credit_adjustments
 *   openRectificationCase    registry   an inspection with one open finding
 *   publishNotice            registry   a public notice ('risk' or 'other')
 *   sendReminder             identity   a text to the institution's accounts
 * Every action acts only on the institution the event names; that, or an
 * input outside the action's limits, throws PolicyActionRefused and the
 * run fails with that reason (retried, then listed at /manage/operations).
 * Every action writes in the policy run's transaction, so a policy that
 * throws changes nothing and is retried, and names your plugin and the
 * policy in what it leaves (an audit entry; for credit, the row itself).
 */
export interface PolicyActions {
  /**
   * Records a credit adjustment for the institution the event names. Until a
   * credit module exists these rows (kernel table plugin_credit_adjustments)
   * are the input that module will read; nothing scores them yet.
   */
  recordCreditAdjustment(input: CreditAdjustmentInput): Promise<void>
}

export interface CreditAdjustmentInput {
  /** Must be the institution the event is about (its `institutionId`). */
  institutionId: number
  /** Points added (positive) or taken off (negative), on the province's credit scale. */
  points: number
  reason: LocalizedText
  /** The document the adjustment comes from, with its number. */
  authority: LocalizedText
}

export interface PolicyContext {
  /** The region the event happened in. */
  region: RegionCode
  /** The province that region belongs to (one of your plugin's regions). */
  province: RegionCode
  /** Your plugin's settings in that province (see RuleContext.settings). */
  settings: SettingsSnapshot
  actions: PolicyActions
}

export interface Policy<E extends EventName = EventName> {
  /** Stable within the plugin, e.g. "credit_on_closed_complaint". */
  id: string
  description: LocalizedText
  on: E
  /**
   * Runs after the change that emitted the event has committed, once per
   * event, in its own transaction (retried with back-off through the outbox
   * when it throws; the attempts and last error are kept in the kernel table
   * plugin_policy_runs; a run failed for good is listed, and can be
   * requeued, at /manage/operations).
   */
  handle(event: DomainEvents[E], ctx: PolicyContext): void | Promise<void>
}

/** One policy for some event: what `policies` holds. */
export type AnyPolicy = { [E in EventName]: Policy<E> }[EventName]

/** Declares a policy with its event's payload type worked out: definePolicy({ on: 'complaints:closed', ... }). */
export function definePolicy<E extends EventName>(policy: Policy<E>): Policy<E> {
  return policy
}

/**
 * Named places in the platform's pages where a plugin may show a partial
 * (an Edge template in plugins/<id>/views). Each slot lists the data its
 * partial receives. A slot shows partials only of plugins that govern the
 * region given (the institution's, the course's institution's, the
 * viewing bureau's).
 */
export interface ViewSlots {
  /** Management terminal, an institution's page (/manage/institutions/:id), beside its facts. */
  'institution.show.sidebar': { institution: { id: number; name: string; regionCode: string } }
  /** Public course page (/courses/:id), below the description: notices to parents. */
  'course.show.notices': {
    course: { id: number; name: string; institutionId: number; regionCode: string }
  }
  /** Management terminal home (/manage), cards above the shortcuts. */
  'dashboard.cards': { user: { regionCode: string; adminLevel: string | null } }
}
export type SlotName = keyof ViewSlots & string

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
  /** Your plugin's settings in that region's province (see RuleContext.settings). */
  settings: SettingsSnapshot
  /**
   * Read-only SQL, run in a read-only transaction with a 10 s timeout. Read
   * the modules' report views (report_institutions, report_courses,
   * report_orders, report_complaints; plugins/README.md lists their
   * columns): they hold only rows inside `region`.
   */
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
  /** A path on this platform ("/manage/reports/plugins/<id>/<report>") or an https:// address. */
  href: string
  /**
   * Which terminal shows it. Only the management terminal today: it is the
   * one whose users carry a region, so the item is shown to the bureaus of
   * your provinces where the plugin is switched on, and to no one else
   * (not the ministry: no province's plugin governs the country).
   */
  terminal: 'management'
  /** Short text under the item on the terminal's home tiles. */
  hint?: LocalizedText
}

export interface PluginDefinition {
  /** Must equal the folder name under plugins/. */
  id: string
  name: LocalizedText
  /** The plugin's own semver version. */
  version: string
  /** Province codes (GB/T 2260, ending in 0000) this plugin governs. */
  regions: string[]
  /** Semver range of plugin API versions (PLUGIN_API_VERSION) this plugin works with, e.g. "^1.0.0". */
  platform: string
  /**
   * The version of each extension point your rules were written for, e.g.
   * `{ 'catalog.course.validate': 1 }` (plugins/README.md lists them). A
   * point whose input or output changed shape gets a new version, and
   * start-up then refuses the plugin, naming the point, until you check
   * the rule and update the pin.
   */
  pins?: { [N in PointName]?: number }
  description?: LocalizedText
  rules?: Rules
  policies?: AnyPolicy[]
  reports?: Report[]
  menu?: MenuItem[]
  /**
   * Settings a province admin may change in the management terminal
   * (/manage/plugins) without a deploy, declared with defineSettings. Each
   * province that the plugin governs has its own values and its own on/off
   * switch; a change applies to the next decision.
   */
  settings?: PluginSettings
  /**
   * Partials for named slots: slot name → template in plugins/<id>/views
   * (without .edge), rendered with the slot's data (see ViewSlots).
   */
  views?: { [S in SlotName]?: string }
}

/* Settings: values a province admin changes without a deploy. */

interface SettingBase {
  label: LocalizedText
  /** Shown under the field: what the value changes, and the document it comes from. */
  hint?: LocalizedText
}

/** A number between `min` and `max` (whole unless `integer: false`), e.g. minutes or basis points. */
export interface NumberSetting extends SettingBase {
  type: 'number'
  default: number
  min: number
  max: number
  /** Whole numbers only (the default); false allows decimals. */
  integer?: boolean
  /** Shown after the field, e.g. "分钟" or { 'zh-CN': '分钟', 'en': 'minutes' }. */
  unit?: LocalizedText
  /** A further check on an otherwise valid value: the message to show, or undefined when it is fine. */
  validate?: (value: number) => LocalizedText | undefined
}

/** On or off. */
export interface BooleanSetting extends SettingBase {
  type: 'boolean'
  default: boolean
}

/** One of a fixed list of values. */
export interface ChoiceSetting extends SettingBase {
  type: 'choice'
  default: string
  options: { value: string; label: LocalizedText }[]
}

/** A line of text of at most `maxLength` characters (a document number, say). */
export interface TextSetting extends SettingBase {
  type: 'text'
  default: string
  maxLength: number
  validate?: (value: string) => LocalizedText | undefined
}

export type PluginSetting = NumberSetting | BooleanSetting | ChoiceSetting | TextSetting
export type SettingValue = number | boolean | string
/** Setting keys: lower camelCase or snake_case, e.g. "maxMinutes". */
export type SettingsDeclaration = Record<string, PluginSetting>
/** The validated values of one plugin in one province, keyed by setting. */
export type SettingsSnapshot = Readonly<Record<string, SettingValue>>

export type SettingValues<S extends SettingsDeclaration> = {
  readonly [K in keyof S]: S[K] extends NumberSetting
    ? number
    : S[K] extends BooleanSetting
      ? boolean
      : string
}

export interface PluginSettings<S extends SettingsDeclaration = SettingsDeclaration> {
  fields: S
  /** Your settings in the province of the case, typed; a key the snapshot lacks reads its default. */
  read(ctx: { settings?: SettingsSnapshot }): SettingValues<S>
}

/**
 * Declares a plugin's settings; put the result in `settings` and read the
 * values in rules, policies and reports with `.read(ctx)`.
 */
export function defineSettings<const S extends SettingsDeclaration>(fields: S): PluginSettings<S> {
  return {
    fields,
    read(ctx) {
      const values: Record<string, SettingValue> = {}
      for (const [key, field] of Object.entries(fields)) {
        const value = ctx.settings?.[key]
        values[key] = typeof value === typeof field.default ? value! : field.default
      }
      return values as SettingValues<S>
    },
  }
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
export {
  addWorkingDays,
  isWorkingDay,
  workingDaysBetween,
  hasOfficialCalendar,
} from '../shared/working_days.js'
