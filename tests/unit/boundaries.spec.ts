import { test } from '@japa/runner'
import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createRequire } from 'node:module'
import { checkBoundaries } from '../../bin/check_boundaries.js'
import { namedTables } from '../../bin/table_ownership.js'

const require = createRequire(import.meta.url)
const { checkExceptions, buildConfig } = require('../../config/boundary_rules.cjs')

const fixture = fileURLToPath(new URL('../fixtures/boundary_violation/', import.meta.url))
const root = fileURLToPath(new URL('../../', import.meta.url))
const FIXTURE_FOLDERS = ['app', 'modules', 'plugins', 'start', 'bench']
const TABLE_RULES = [
  'table-ownership',
  'tables-undeclared',
  'tables-not-created',
  'report-views-undeclared',
  'report-views-not-created',
  'table-exception-unused',
]

const described = (violations: { rule: string; from: string; to: string }[]) =>
  violations.map((v) => `${v.rule} ${v.from} -> ${v.to}`).sort()

test.group('Module boundary checker', () => {
  test('reports exactly the planted violations, including those behind # imports', async ({
    assert,
  }) => {
    const seen = described(await checkBoundaries(fixture, FIXTURE_FOLDERS, []))
    assert.deepEqual(seen, [
      'bench-door-outside-bench-code start/routes.ts -> modules/alpha/bench.ts',
      'bench-harness-outside-bench-code start/routes.ts -> bench/harness.ts',
      'demo-door-outside-demo-code start/routes.ts -> modules/alpha/demo.ts',
      'demo-or-bench-code-in-application modules/alpha/services/leaky.ts -> modules/alpha/demo/seed.ts',
      'kernel-imports-module-or-plugin app/kernel.ts -> modules/alpha/index.ts',
      'module-internals-from-module modules/beta/index.ts -> modules/alpha/services/secret.ts',
      'module-internals-from-module-tests modules/beta/tests/reach.spec.ts -> modules/alpha/services/secret.ts',
      'module-internals-from-outside start/routes.ts -> modules/alpha/services/secret.ts',
      'no-circular modules/alpha/services/ping.ts -> modules/alpha/services/pong.ts',
      'plugin-imports-beyond-sdk plugins/sample/db_reach.ts -> ../../../node_modules/@adonisjs/lucid/build/services/db.js',
      'plugin-imports-beyond-sdk plugins/sample/plugin.ts -> modules/alpha/index.ts',
      'plugin-tests-beyond-sdk plugins/sample/tests/reach.spec.ts -> modules/alpha/index.ts',
      'report-views-not-created modules/beta/module.json -> report_ghosts',
      'report-views-undeclared modules/gamma/module.json -> report_gammas',
      'table-ownership modules/beta/tables.ts -> alpha_items (alpha)',
      'table-ownership plugins/sample/report.ts -> alpha_items (alpha)',
      'tables-not-created modules/beta/module.json -> beta_ghosts',
      'tables-undeclared modules/gamma/module.json -> gamma_things',
      'testing-helpers-outside-tests start/routes.ts -> modules/alpha/testing.ts',
      'undeclared-module-dependency:gamma modules/gamma/index.ts -> modules/alpha/index.ts',
    ])
  })

  test('every rule the checker has is proven by a planted violation', async ({ assert }) => {
    const fired = new Set(
      [
        ...(await checkBoundaries(fixture, FIXTURE_FOLDERS, [])),
        /* Planted: an exception for a table nothing in unresolved/ names. */
        ...(await checkBoundaries(
          fixture,
          ['unresolved'],
          [
            {
              rule: 'table-ownership',
              from: 'modules/',
              tables: ['alpha_items'],
              reason: 'planted',
            },
          ]
        )),
      ].map((v) => v.rule.split(':')[0])
    )
    const rules = new Set<string>([
      ...buildConfig(fixture).forbidden.map((r: { name: string }) => r.name.split(':')[0]),
      ...TABLE_RULES,
    ])
    assert.deepEqual(
      [...rules].filter((r) => !fired.has(r)),
      []
    )
    assert.isTrue(fired.has('not-to-unresolvable'))
  })

  test('a declared table exception lifts exactly the tables it names', async ({ assert }) => {
    const reason = 'planted for the test'
    const only = (tables: string[]) =>
      checkBoundaries(
        fixture,
        ['modules'],
        [{ rule: 'table-ownership', from: 'modules/*/tables.ts', tables, reason }]
      )
    assert.notInclude(described(await only(['alpha_items'])).join('\n'), 'table-ownership')
    assert.include(described(await only(['other_table'])).join('\n'), 'table-ownership')
    await assert.rejects(
      () =>
        checkBoundaries(
          fixture,
          ['modules'],
          [{ rule: 'table-ownership', from: 'modules/gone/', tables: '*', reason }]
        ),
      /no longer exists/
    )
    await assert.rejects(
      () =>
        checkBoundaries(
          fixture,
          ['modules'],
          [{ rule: 'table-ownership', from: 'modules/', tables: '*', reason: '' }]
        ),
      /gives no reason/
    )
  })

  test('table names are read from builder calls, models, helpers and SQL text', ({ assert }) => {
    const names = namedTables(`
      class Course { static table = 'courses' }
      const count = (table: string, where: object) => db.from(table).where(where)
      db.from('institutions as i').leftJoin('orders', 'orders.id', 'x')
      trx.table('refunds').insert({})
      count('outbox_events', {})
      db.rawQuery(\`UPDATE ledger_entries SET a = 1 WHERE b IN (SELECT id FROM payments)\`)
      db.rawQuery('TRUNCATE banks, "staff" CASCADE')
      vine.string().exists({ table: 'regions', column: 'code' })
      t('copied from courses of another term')
      db.from(\`\${dynamic}\`)
    `)
    assert.sameMembers(
      [...names].filter((n) => !['a', 'b', 'id'].includes(n)),
      [
        'courses',
        'institutions',
        'orders',
        'refunds',
        'outbox_events',
        'ledger_entries',
        'payments',
        'banks',
        'staff',
        'regions',
      ]
    )
  })

  test('a declared import exception needs a reason and a file that still exists', ({ assert }) => {
    assert.throws(
      () =>
        checkExceptions(
          [{ rule: 'no-circular', from: 'modules/gone/index.ts', reason: 'waiting for a move' }],
          root
        ),
      /no longer exists/
    )
    assert.throws(
      () => checkExceptions([{ rule: 'no-circular', from: 'package.json' }], root),
      /gives no reason/
    )
    assert.doesNotThrow(() =>
      checkExceptions([{ rule: 'no-circular', from: 'package.json', reason: 'a reason' }], root)
    )
  })

  test('the platform itself has no violations', async ({ assert }) => {
    assert.deepEqual(await checkBoundaries(root), [])
  })

  test("ARCHITECTURE.md's module table says what each module.json says", ({ assert }) => {
    const rows = new Map<string, { owns: string; dependsOn: string[] }>()
    for (const line of readFileSync(`${root}ARCHITECTURE.md`, 'utf8').split('\n')) {
      const cells = line.split('|').map((c) => c.trim())
      if (cells.length !== 5 || !/^[a-z]+$/.test(cells[1]!) || cells[1] === 'module') continue
      const dependsOn = cells[3] === '—' ? [] : cells[3]!.replace(/\s*\([^)]*\)/g, '').split(', ')
      rows.set(cells[1]!, { owns: cells[2]!, dependsOn })
    }
    const modules = readdirSync(`${root}modules`).sort()
    assert.deepEqual([...rows.keys()].sort(), modules)
    for (const name of modules) {
      const manifest = JSON.parse(readFileSync(`${root}modules/${name}/module.json`, 'utf8'))
      assert.deepEqual(rows.get(name), {
        owns: manifest.description,
        dependsOn: manifest.dependsOn,
      })
    }
  })
})
