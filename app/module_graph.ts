/*
| Reads each module's manifest (modules/<name>/module.json) and orders the
| modules so that a module comes after everything it depends on. Migrations
| run in this order (foreign-key targets first) and the boundary checker
| uses the same manifests, so there is one place that says who may use whom.
*/
import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'

export interface ModuleManifest {
  name: string
  description: string
  dependsOn: string[]
}

export function readModuleManifests(appRoot: string): ModuleManifest[] {
  const dir = join(appRoot, 'modules')
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'module.json')))
    .map((entry) => {
      const manifest = JSON.parse(readFileSync(join(dir, entry.name, 'module.json'), 'utf8'))
      if (manifest.name !== entry.name) {
        throw new Error(`modules/${entry.name}/module.json names itself "${manifest.name}"`)
      }
      return { description: '', dependsOn: [], ...manifest }
    })
}

/** Topological order; throws on a cycle or an unknown dependency. */
export function orderModules(manifests: ModuleManifest[]): ModuleManifest[] {
  const byName = new Map(manifests.map((m) => [m.name, m]))
  const ordered: ModuleManifest[] = []
  const state = new Map<string, 'visiting' | 'done'>()

  const visit = (name: string, trail: string[]) => {
    const manifest = byName.get(name)
    if (!manifest) throw new Error(`Module "${trail.at(-1)}" depends on unknown module "${name}"`)
    if (state.get(name) === 'done') return
    if (state.get(name) === 'visiting') {
      throw new Error(`Module dependency cycle: ${[...trail, name].join(' -> ')}`)
    }
    state.set(name, 'visiting')
    for (const dep of [...manifest.dependsOn].sort()) visit(dep, [...trail, name])
    state.set(name, 'done')
    ordered.push(manifest)
  }

  for (const name of [...byName.keys()].sort()) visit(name, [])
  return ordered
}

export function migrationPaths(appRoot: string, enabledPlugins: string[]): string[] {
  const modulePaths = orderModules(readModuleManifests(appRoot))
    .map((m) => `modules/${m.name}/database/migrations`)
    .filter((path) => existsSync(join(appRoot, path)))
  const pluginPaths = enabledPlugins
    .map((id) => `plugins/${id}/database/migrations`)
    .filter((path) => existsSync(join(appRoot, path)))
  return ['database/migrations', ...modulePaths, ...pluginPaths]
}
