/*
| Checks a plugin's manifest before anything of it runs. Every problem is
| reported at once, so a plugin author fixes them in one go.
*/
import semver from 'semver'
import type { PluginDefinition } from '../plugin_sdk/index.js'
import { isProvinceCode } from '../shared/region_code.js'
import { PluginLoadError } from './errors.js'

const KNOWN_KEYS = new Set([
  'id', 'name', 'version', 'regions', 'platform', 'description',
  'rules', 'policies', 'reports', 'menu', 'views',
])

export interface ManifestCheck {
  expectedId: string
  platformVersion: string
  declaredPoints: ReadonlySet<string>
}

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
    problems.push(`it requires platform ${def.platform}, but this platform is ${platformVersion}`)
  }
  if (!Array.isArray(def.regions) || def.regions.length === 0) {
    problems.push('"regions" must list at least one province code')
  } else {
    for (const region of def.regions) {
      if (typeof region !== 'string' || !isProvinceCode(region)) {
        problems.push(`region ${JSON.stringify(region)} is not a province code (six digits ending in 0000)`)
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
  for (const policy of def.policies ?? []) {
    if (!policy?.id || !policy?.on || typeof policy?.handle !== 'function') {
      problems.push(`policy ${JSON.stringify(policy?.id)} needs an id, an event ("on") and a handle function`)
    }
  }
  for (const report of def.reports ?? []) {
    if (!report?.id || !Array.isArray(report?.columns) || typeof report?.query !== 'function') {
      problems.push(`report ${JSON.stringify(report?.id)} needs an id, columns and a query function`)
    }
  }

  if (problems.length) throw new PluginLoadError(expectedId, problems.join('; '))
  return def as PluginDefinition
}
