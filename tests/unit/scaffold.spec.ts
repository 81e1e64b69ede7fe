import { test } from '@japa/runner'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import app from '@adonisjs/core/services/app'
import { scaffoldModule, scaffoldPlugin } from '../../app/ace/scaffold.js'
import { orderModules, readModuleManifests } from '../../app/module_graph.js'

/* A throwaway copy of the files the scaffolder edits. */
function sandbox() {
  const dir = mkdtempSync(join(tmpdir(), 'xiaowai-scaffold-'))
  for (const file of [
    'adonisrc.ts',
    'package.json',
    'tsconfig.json',
    'modules/identity/module.json',
  ]) {
    cpSync(app.makePath(file), join(dir, file), { recursive: true })
  }
  return dir
}

test.group('make:module and make:plugin', () => {
  test('make:module creates the module and wires provider, routes and suites', async ({
    assert,
    cleanup,
  }) => {
    const dir = sandbox()
    cleanup(() => rmSync(dir, { recursive: true, force: true }))

    await scaffoldModule(pathToFileURL(`${dir}/`), 'afterschool', ['identity'])

    for (const path of [
      'module.json',
      'index.ts',
      'routes.ts',
      'provider.ts',
      'testing.ts',
      'database/migrations',
      'views',
      'tests/unit/afterschool_module.spec.ts',
    ]) {
      assert.isTrue(existsSync(join(dir, 'modules/afterschool', path)), path)
    }
    const rc = readFileSync(join(dir, 'adonisrc.ts'), 'utf8')
    assert.include(rc, './modules/afterschool/provider.js')
    assert.include(rc, './modules/afterschool/routes.js')
    assert.include(rc, "'afterschool:unit'")
    assert.include(rc, "'afterschool:functional'")
    assert.include(rc, "'afterschool:browser'")
    /* Migrations are ordered after the declared dependency. */
    assert.deepEqual(
      orderModules(readModuleManifests(dir)).map((m) => m.name),
      ['identity', 'afterschool']
    )
  })

  test('make:module refuses unknown dependencies and bad names', async ({ assert, cleanup }) => {
    const dir = sandbox()
    cleanup(() => rmSync(dir, { recursive: true, force: true }))
    await assert.rejects(() => scaffoldModule(pathToFileURL(`${dir}/`), 'Bad-Name'), /snake_case/)
    await assert.rejects(
      () => scaffoldModule(pathToFileURL(`${dir}/`), 'funds', ['nope']),
      /Unknown module "nope"/
    )
  })

  test('make:plugin creates a plugin that targets this platform version', async ({
    assert,
    cleanup,
  }) => {
    const dir = sandbox()
    cleanup(() => rmSync(dir, { recursive: true, force: true }))
    await scaffoldPlugin(pathToFileURL(`${dir}/`), 'hebei', ['130000'])
    const source = readFileSync(join(dir, 'plugins/hebei/plugin.ts'), 'utf8')
    assert.include(source, 'regions: ["130000"]')
    assert.match(source, /platform: '\^\d+\.\d+\.\d+'/)
    await assert.rejects(
      () => scaffoldPlugin(pathToFileURL(`${dir}/`), 'x', ['2201']),
      /province codes/
    )
  })
})
