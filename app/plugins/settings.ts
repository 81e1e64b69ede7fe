/*
| Plugin settings: what a plugin declares (defineSettings in the SDK), the
| checks on a declaration at start-up, the checks on a value an admin
| submits, and the values a rule sees: the stored ones where they are still
| valid, the declared defaults otherwise. A stored value can stop being
| valid when a plugin release narrows a range; the default then applies
| and a warning is logged, rather than a rule seeing a value it never
| allowed.
*/
import type {
  LocalizedText,
  PluginDefinition,
  PluginSetting,
  SettingValue,
  SettingsSnapshot,
} from '../plugin_sdk/index.js'

const SETTING_KEY = /^[a-z][a-zA-Z0-9_]{0,63}$/
const TYPES = new Set(['number', 'boolean', 'choice', 'text'])

/** Why a submitted or stored value is refused: a message key and its data, or a plugin's own text. */
export type SettingProblem =
  | { key: 'required' | 'not_a_number' | 'not_whole' | 'not_an_option'; data?: undefined }
  | { key: 'below_min' | 'above_max'; data: { limit: number } }
  | { key: 'too_long'; data: { limit: number } }
  | { key: 'plugin'; text: LocalizedText; data?: undefined }

/** Problems with a plugin's `settings` declaration, for the manifest check. */
export function settingsDeclarationProblems(settings: unknown): string[] {
  if (settings === undefined) return []
  const fields = (settings as { fields?: unknown } | null)?.fields
  if (!fields || typeof fields !== 'object' || typeof (settings as any).read !== 'function') {
    return ['"settings" must be declared with defineSettings({...})']
  }
  const problems: string[] = []
  for (const [key, field] of Object.entries(fields as Record<string, PluginSetting>)) {
    const where = `setting "${key}"`
    const before = problems.length
    if (!SETTING_KEY.test(key)) problems.push(`${where}: a key is letters, digits and _`)
    if (!field || !TYPES.has(field.type)) {
      problems.push(`${where}: "type" must be number, boolean, choice or text`)
      continue
    }
    if (!field.label) problems.push(`${where} needs a label`)
    if (field.type === 'number' && !(field.min <= field.max)) {
      problems.push(`${where}: "min" and "max" must be numbers with min ≤ max`)
    }
    if (field.type === 'text' && !(Number.isInteger(field.maxLength) && field.maxLength > 0)) {
      problems.push(`${where}: "maxLength" must be a positive whole number`)
    }
    if (field.type === 'choice' && !field.options?.length) {
      problems.push(`${where}: "options" must list at least one value`)
    }
    if (problems.length === before && valueProblem(field, field.default)) {
      problems.push(`${where}: its default ${JSON.stringify(field.default)} fails its own checks`)
    }
  }
  return problems
}

/** Why a typed value does not fit its setting, or undefined when it does. */
export function valueProblem(field: PluginSetting, value: unknown): SettingProblem | undefined {
  switch (field.type) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : { key: 'required' }
    case 'choice':
      return field.options.some((o) => o.value === value) ? undefined : { key: 'not_an_option' }
    case 'text': {
      if (typeof value !== 'string') return { key: 'required' }
      if (value.length > field.maxLength)
        return { key: 'too_long', data: { limit: field.maxLength } }
      const text = field.validate?.(value)
      return text ? { key: 'plugin', text } : undefined
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return { key: 'not_a_number' }
      if (field.integer !== false && !Number.isInteger(value)) return { key: 'not_whole' }
      if (value < field.min) return { key: 'below_min', data: { limit: field.min } }
      if (value > field.max) return { key: 'above_max', data: { limit: field.max } }
      const text = field.validate?.(value)
      return text ? { key: 'plugin', text } : undefined
    }
  }
}

export function settingFields(plugin: PluginDefinition): [string, PluginSetting][] {
  return Object.entries(plugin.settings?.fields ?? {})
}

export function defaultSettings(plugin: PluginDefinition): Record<string, SettingValue> {
  return Object.fromEntries(settingFields(plugin).map(([key, field]) => [key, field.default]))
}

/** The values a rule sees: each stored value that still fits its setting, else the default. */
export function effectiveSettings(
  plugin: PluginDefinition,
  stored: Record<string, unknown> | null | undefined,
  onStale: (key: string) => void = () => {}
): SettingsSnapshot {
  const values: Record<string, SettingValue> = {}
  for (const [key, field] of settingFields(plugin)) {
    const value = stored?.[key]
    if (value === undefined) values[key] = field.default
    else if (valueProblem(field, value)) {
      onStale(key)
      values[key] = field.default
    } else values[key] = value as SettingValue
  }
  return Object.freeze(values)
}

/**
 * Reads a submitted form (every value a string, a checkbox absent when
 * off) into typed values, with the problem of each field that does not fit.
 */
export function parseSubmittedSettings(
  plugin: PluginDefinition,
  form: Record<string, unknown>
): { values: Record<string, SettingValue>; problems: Record<string, SettingProblem> } {
  const values: Record<string, SettingValue> = {}
  const problems: Record<string, SettingProblem> = {}
  for (const [key, field] of settingFields(plugin)) {
    const raw = form[key]
    const text = typeof raw === 'string' ? raw.trim() : ''
    let value: SettingValue
    if (field.type === 'boolean') value = raw === 'on' || raw === 'true' || raw === '1'
    else if (field.type === 'number') value = text === '' ? Number.NaN : Number(text)
    else value = text
    const problem =
      field.type === 'number' && text === ''
        ? { key: 'required' as const }
        : valueProblem(field, value)
    if (problem) problems[key] = problem
    values[key] = value
  }
  return { values, problems }
}
