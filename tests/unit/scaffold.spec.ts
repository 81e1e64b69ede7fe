import { test } from '@japa/runner'
import { cpSync, existsSync, globSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import ts from 'typescript'
import * as prettier from 'prettier'
import { testHostFor } from '#plugin_sdk/testing'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import app from '@adonisjs/core/services/app'
import { scaffoldModule, scaffoldPlugin } from '../../app/ace/scaffold.js'
import { orderModules, readModuleManifests } from '../../app/module_graph.js'
import { provinceWithoutPlugin } from '../helpers/province_without_plugin.js'

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

  test('make:plugin refuses bad ids and codes that are not provinces', async ({
    assert,
    cleanup,
  }) => {
    const dir = sandbox()
    cleanup(() => rmSync(dir, { recursive: true, force: true }))
    await assert.rejects(
      () => scaffoldPlugin(pathToFileURL(`${dir}/`), 'x', ['2201']),
      /province codes/
    )
    await assert.rejects(
      () => scaffoldPlugin(pathToFileURL(`${dir}/`), 'Bad-Id', ['130000']),
      /snake_case/
    )
  })

  /*
  | The scaffold is written into the real plugins/ folder (as a provincial
  | engineer would get it), then checked the way npm test checks a plugin:
  | formatted, type-checked against the platform's extension points and
  | events, loadable by the host, and its own tests run and pass.
  */
  test('make:plugin writes a plugin whose own tests pass as written', async ({
    assert,
    cleanup,
  }) => {
    const id = `scaffold_probe_${process.pid}`
    const folder = app.makePath('plugins', id)
    cleanup(() => rmSync(folder, { recursive: true, force: true }))
    /* A province no installed plugin governs: the scaffold's tests seed and count institutions there. */
    const province = provinceWithoutPlugin()
    await scaffoldPlugin(app.appRoot, id, [province])
    const files = globSync(`plugins/${id}/**/*.ts`, { cwd: app.appRoot })
    assert.includeMembers(files, [
      `plugins/${id}/plugin.ts`,
      `plugins/${id}/settings.ts`,
      `plugins/${id}/rules/class_length.ts`,
      `plugins/${id}/policies/credit_on_late_answer.ts`,
      `plugins/${id}/reports/institutions_by_list.ts`,
      `plugins/${id}/tests/${id}.spec.ts`,
    ])

    const prettierOptions = await prettier.resolveConfig(app.makePath('plugin.ts'))
    for (const file of files) {
      const text = readFileSync(app.makePath(file), 'utf8')
      assert.isTrue(await prettier.check(text, { ...prettierOptions, filepath: file }), file)
    }
    const typeErrors = typeErrorsIn(files, `plugins/${id}/`)
    assert.deepEqual(typeErrors, [], typeErrors.join('\n'))

    const plugin = (await import(pathToFileURL(`${folder}/plugin.ts`).href)).default
    assert.doesNotThrow(() => testHostFor(plugin))
    assert.deepEqual(plugin.regions, [province])

    const run = spawnSync(
      process.execPath,
      ['ace', 'test', 'kernel', '--files', `plugins/${id}/tests/${id}.spec.ts`],
      {
        cwd: app.makePath(),
        encoding: 'utf8',
        env: { ...process.env, PORT: String(Number(process.env.PORT ?? 3333) + 9) },
      }
    )
    assert.equal(run.status, 0, run.stdout + run.stderr)
    assert.match(run.stdout, /Tests\s+6 passed \(6\)/)
  }).timeout(120_000)
})

/** Type errors in the scaffolded files, checked with the project's options and every module's points and events. */
function typeErrorsIn(files: string[], prefix: string): string[] {
  const root = app.makePath()
  const config = ts.getParsedCommandLineOfConfigFile(
    app.makePath('tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => {},
    }
  )!
  const declarations = [
    'tests/bootstrap.ts',
    ...globSync('modules/*/{extension_points,events}.ts', { cwd: root }),
  ]
  const program = ts.createProgram(
    [...files, ...declarations].map((f) => join(root, f)),
    { ...config.options, noEmit: true }
  )
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName.startsWith(join(root, prefix)))
    .map((d) => `${d.file!.fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`)
}
