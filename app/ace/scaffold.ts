/*
| Scaffolding behind `node ace make:module` and `node ace make:plugin`:
| writes the folders and files, then wires them (provider, routes and test
| suites in adonisrc.ts). Aliases (#modules/*), migration folders, language
| files and view disks need no registration: they are found by convention.
*/
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PLUGIN_API_VERSION } from '../plugin_sdk/index.js'
import { pluginHost } from '../plugins/plugin_host.js'
import { pluginFiles } from './plugin_template.js'

const NAME = /^[a-z][a-z0-9_]*$/

function write(root: string, path: string, content: string) {
  const file = join(root, path)
  if (existsSync(file)) return
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, content)
}

const pascal = (name: string) =>
  name.replace(/(^|_)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase())

export function moduleFiles(name: string, dependsOn: string[]): Record<string, string> {
  const Name = pascal(name)
  return {
    'module.json': `${JSON.stringify({ name, description: '', dependsOn }, null, 2)}\n`,
    'index.ts': `/*\n| The ${name} module's public API. Other modules import only this file\n| (\`#modules/${name}\`). Never export Lucid models from here.\n*/\nexport {}\n`,
    'testing.ts': `/* Factories and helpers other modules' tests may use (\`#testing/${name}\`). */\nexport {}\n`,
    'routes.ts': `import router from '@adonisjs/core/services/router'\n\n/* Routes of the ${name} module. Name every route: router.get(...).as('${name}.index'). */\nvoid router\n`,
    'provider.ts': `import type { ApplicationService } from '@adonisjs/core/types'\n\nexport default class ${Name}Provider {\n  constructor(protected app: ApplicationService) {}\n\n  async boot() {\n    const edge = (await import('edge.js')).default\n    edge.mount('${name}', new URL('./views/', import.meta.url))\n  }\n}\n`,
    'extension_points.ts': `/* Extension points the ${name} module offers to provincial plugins (see modules/identity/extension_points.ts). */\nexport {}\n`,
    'lang/zh-CN/.gitkeep': '',
    'lang/en/.gitkeep': '',
    'views/.gitkeep': '',
    'actions/.gitkeep': '',
    'queries/.gitkeep': '',
    'controllers/.gitkeep': '',
    'models/.gitkeep': '',
    'policies/.gitkeep': '',
    'validators/.gitkeep': '',
    'database/migrations/.gitkeep': '',
    'tests/functional/.gitkeep': '',
    'tests/browser/.gitkeep': '',
    [`tests/unit/${name}_module.spec.ts`]: `import { test } from '@japa/runner'\nimport * as api from '#modules/${name}'\n\ntest.group('${name} module', () => {\n  test('its public API loads', ({ assert }) => {\n    assert.typeOf(api, 'module')\n  })\n})\n`,
  }
}

export async function scaffoldModule(appRoot: URL, name: string, dependsOn: string[] = []) {
  if (!NAME.test(name)) throw new Error(`Module names are snake_case: "${name}"`)
  const root = fileURLToPath(appRoot)
  if (existsSync(join(root, 'modules', name))) throw new Error(`modules/${name} already exists`)
  for (const dep of dependsOn) {
    if (!existsSync(join(root, 'modules', dep, 'module.json')))
      throw new Error(`Unknown module "${dep}"`)
  }
  for (const [path, content] of Object.entries(moduleFiles(name, dependsOn)))
    write(root, `modules/${name}/${path}`, content)

  const { CodeTransformer } = await import('@adonisjs/assembler/code_transformer')
  await new CodeTransformer(appRoot).updateRcFile((rc) => {
    rc.addProvider(`./modules/${name}/provider.js`)
    rc.addPreloadFile(`./modules/${name}/routes.js`)
    rc.addSuite(`${name}:unit`, [`modules/${name}/tests/unit/**/*.spec.ts`], 10000)
    rc.addSuite(`${name}:functional`, [`modules/${name}/tests/functional/**/*.spec.ts`], 30000)
    rc.addSuite(`${name}:browser`, [`modules/${name}/tests/browser/**/*.spec.ts`], 120000)
  })
}

export async function scaffoldPlugin(appRoot: URL, id: string, regions: string[]) {
  if (!NAME.test(id)) throw new Error(`Plugin ids are snake_case: "${id}"`)
  if (!regions.length || !regions.every((r) => /^\d{2}0000$/.test(r))) {
    throw new Error('Give the province codes the plugin governs, e.g. --regions=220000')
  }
  const root = fileURLToPath(appRoot)
  if (existsSync(join(root, 'plugins', id))) throw new Error(`plugins/${id} already exists`)
  /* The example rule is pinned to the course point's version on this platform (1 if not booted). */
  const coursePoint = pluginHost.pointVersions().get('catalog.course.validate') ?? 1
  /* Formatted as npm test's format check expects, whatever the id's length. */
  const prettier = await import('prettier')
  const options = await prettier.resolveConfig(join(root, 'package.json'))
  for (const [path, content] of Object.entries(
    pluginFiles(id, regions, PLUGIN_API_VERSION, coursePoint)
  )) {
    const file = `plugins/${id}/${path}`
    write(root, file, await prettier.format(content, { ...options, filepath: join(root, file) }))
  }
}
