/*
| Checks a plugin's manifest before anything of it runs. Every problem is
| reported at once, so a plugin author fixes them in one go.
*/
import semver from 'semver'
import type { PluginDefinition } from '../plugin_sdk/index.js'
import { isProvinceCode } from '../shared/region_code.js'
import { PluginLoadError } from './errors.js'
import { SLOT_NAMES } from './view_slots.js'
import { settingsDeclarationProblems } from './settings.js'

const KNOWN_KEYS = new Set([
  'id',
  'name',
  'version',
  'regions',
  'platform',
  'description',
  'rules',
  'policies',
  'reports',
  'menu',
  'views',
  'pins',
  'settings',
])

export interface ManifestCheck {
  expectedId: string
  platformVersion: string
  declaredPoints: ReadonlySet<string>
  /** Each declared point's version, to check the plugin's `pins`. */
  pointVersions?: ReadonlyMap<string, number>
  /** The domain events modules emit (app/plugins/domain_events.ts); without it `on` is not checked. */
  declaredEvents?: ReadonlySet<string>
  /** Whether plugins/<id>/views/<name>.edge exists; without it view templates are not checked. */
  hasView?: (name: string) => boolean
}

const TEMPLATE_NAME = /^[a-z0-9_]+(\/[a-z0-9_]+)*$/
const LOCAL_PATH = /^\/(?!\/)/

export function validateManifest(candidate: unknown, check: ManifestCheck): PluginDefinition {
  const { expectedId, platformVersion, declaredPoints } = check
  if (!candidate || typeof candidate !== 'object') {
    throw new PluginLoadError(expectedId, 'plugin.ts must default-export definePlugin({...})')
  }
  const def = candidate as Record<string, any>
  const problems: string[] = []

  if (def.id !== expectedId) problems.push(`"id" is "${def.id}" but the folder is "${expectedId}"`)
  if (!def.name) problems.push('"name" is missing')
  if (typeof def.version !== 'string' || !semver.valid(def.version)) {
    problems.push(`"version" must be a semver version, got ${JSON.stringify(def.version)}`)
  }
  if (typeof def.platform !== 'string' || !semver.validRange(def.platform)) {
    problems.push(`"platform" must be a semver range, got ${JSON.stringify(def.platform)}`)
  } else if (!semver.satisfies(platformVersion, def.platform, { includePrerelease: true })) {
    problems.push(
      `it requires plugin API ${def.platform}, but this platform's plugin API is ${platformVersion}`
    )
  }
  problems.push(...pinProblems(def.pins, declaredPoints, check.pointVersions))
  problems.push(...settingsDeclarationProblems(def.settings))
  if (!Array.isArray(def.regions) || def.regions.length === 0) {
    problems.push('"regions" must list at least one province code')
  } else {
    for (const region of def.regions) {
      if (typeof region !== 'string' || !isProvinceCode(region)) {
        problems.push(
          `region ${JSON.stringify(region)} is not a province code (six digits ending in 0000)`
        )
      }
    }
  }
  for (const key of Object.keys(def)) {
    if (!KNOWN_KEYS.has(key)) problems.push(`unknown key "${key}"`)
  }
  for (const [name, rule] of Object.entries(def.rules ?? {})) {
    if (!declaredPoints.has(name)) problems.push(`rule for unknown extension point "${name}"`)
    if (typeof rule !== 'function') problems.push(`rule "${name}" is not a function`)
  }
  checkList(def, 'policies', problems, (policy) => {
    if (!policy?.id || typeof policy?.on !== 'string' || typeof policy?.handle !== 'function') {
      return `policy ${JSON.stringify(policy?.id)} needs an id, an event ("on") and a handle function`
    }
    if (check.declaredEvents && !check.declaredEvents.has(policy.on)) {
      return `policy "${policy.id}" reacts to "${policy.on}", an event no module emits (plugins/reference/events.md lists them)`
    }
  })
  checkList(def, 'reports', problems, (report) => {
    if (!report?.id || !Array.isArray(report?.columns) || typeof report?.query !== 'function') {
      return `report ${JSON.stringify(report?.id)} needs an id, columns and a query function`
    }
  })
  checkList(def, 'menu', problems, (item) => {
    if (item?.terminal !== 'management') {
      return `menu item ${JSON.stringify(item?.href)}: "terminal" must be "management" (the only terminal whose users carry a region)`
    }
    if (!item.label) return `menu item ${JSON.stringify(item.href)} needs a label`
    if (
      typeof item.href !== 'string' ||
      !(LOCAL_PATH.test(item.href) || item.href.startsWith('https://'))
    ) {
      return `menu item ${JSON.stringify(item.href)}: "href" must be a path on this platform ("/manage/…") or an https:// address`
    }
  })
  if (def.views !== undefined) {
    if (!def.views || typeof def.views !== 'object' || Array.isArray(def.views)) {
      problems.push(
        '"views" must map slot names to template names, e.g. { "dashboard.cards": "dashboard_card" }'
      )
    } else {
      for (const [slot, template] of Object.entries(def.views)) {
        if (!SLOT_NAMES.includes(slot as any))
          problems.push(`view for unknown slot "${slot}" (slots: ${SLOT_NAMES.join(', ')})`)
        else if (typeof template !== 'string' || !TEMPLATE_NAME.test(template))
          problems.push(`view for "${slot}" must be a template name like "dashboard_card"`)
        else if (check.hasView && !check.hasView(template))
          problems.push(
            `view for "${slot}": plugins/${expectedId}/views/${template}.edge does not exist`
          )
      }
    }
  }

  if (problems.length) throw new PluginLoadError(expectedId, problems.join('; '))
  return def as PluginDefinition
}

/** An optional array of entries, each checked, with ids (where entries have one) unique. */
function checkList(
  def: Record<string, any>,
  key: string,
  problems: string[],
  check: (entry: any) => string | undefined
) {
  if (def[key] === undefined) return
  if (!Array.isArray(def[key])) {
    problems.push(`"${key}" must be a list`)
    return
  }
  const seen = new Set<string>()
  for (const entry of def[key]) {
    const problem = check(entry)
    if (problem) problems.push(problem)
    if (typeof entry?.id === 'string') {
      if (seen.has(entry.id)) problems.push(`${key}: id "${entry.id}" is used twice`)
      seen.add(entry.id)
    }
  }
}

/** A pin names a declared point and the version this platform declares for it. */
function pinProblems(
  pins: unknown,
  declared: ReadonlySet<string>,
  versions: ReadonlyMap<string, number> | undefined
): string[] {
  if (pins === undefined) return []
  if (!pins || typeof pins !== 'object') return ['"pins" must map extension points to versions']
  const problems: string[] = []
  for (const [name, pinned] of Object.entries(pins)) {
    const current = versions?.get(name)
    if (!declared.has(name)) problems.push(`pin for unknown extension point "${name}"`)
    else if (!Number.isInteger(pinned)) problems.push(`pin for "${name}" must be a whole number`)
    else if (current !== undefined && current !== pinned)
      problems.push(
        `extension point "${name}" is version ${current} here, but the plugin's rules are pinned to version ${pinned}: check them against the point's reference and update the pin`
      )
  }
  return problems
}
