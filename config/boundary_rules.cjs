/*
| Module boundaries, checked on every test run (`npm run boundaries`).
|
| The rules are generated from modules/<name>/module.json, the same
| manifests that order the migrations, so declaring a dependency there is
| the only way to use another module. Rules:
|   1. outside a module, import only its doors: index.ts, demo.ts (demo
|      seeders only), bench.ts (bench code only); tests: also testing.ts;
|   2. a module imports only the modules it declares in `dependsOn`;
|   3. the kernel (app/) never imports a module or a plugin;
|   4. a plugin imports only its own files and the plugin SDK;
|   5. no import cycles.
|
| `#` subpath imports end in .js while the sources are .ts. The runner
| (bin/check_boundaries.ts) gives the resolver an `extensionAlias` from .js
| to .ts; without it nothing would resolve and every rule would pass
| silently. tests/unit/boundaries.spec.ts runs the checker against a
| planted violation to prove that it resolves.
*/
const { readdirSync, readFileSync, existsSync } = require('node:fs')
const { join } = require('node:path')

function readManifests(root) {
  const dir = join(root, 'modules')
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'module.json')))
    .map((e) => ({
      dependsOn: [],
      ...JSON.parse(readFileSync(join(dir, e.name, 'module.json'), 'utf8')),
    }))
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/* Bench code: the harness, its tests, and each module's generator. */
const BENCH_CODE = ['^bench/', '^tests/bench/', '^modules/[^/]+/bench/']

/*
| Declared exceptions, each with its reason. Nothing else is exempt; an
| exception whose file no longer exists is itself reported, so none
| outlives the work it waits for.
*/
const IMPORT_EXCEPTIONS = []

/*
| Tables named outside their owner (bin/table_ownership.ts). `from` is a
| file, or a folder ending in "/"; `tables` is the list it may name, or "*".
| Each says why; the check refuses one without a reason or whose path is gone.
*/
const BULK_WRITERS =
  "Bench loaders COPY 10^5-10^6 rows straight into the tables of every module, which no public API could do in a benchmark's time; this code never runs in the application"
const TABLE_EXCEPTIONS = [
  { rule: 'table-ownership', from: 'bench/', tables: '*', reason: BULK_WRITERS },
  { rule: 'table-ownership', from: 'tests/bench/', tables: '*', reason: BULK_WRITERS },
  {
    rule: 'table-ownership',
    from: 'modules/funds/bench/generate.ts',
    tables: ['contracts', 'courses'],
    reason: BULK_WRITERS,
  },
  {
    rule: 'table-ownership',
    from: 'modules/complaints/bench/generate.ts',
    tables: ['orders', 'users'],
    reason: BULK_WRITERS,
  },
  {
    rule: 'table-ownership',
    from: 'modules/funds/demo/seed.ts',
    tables: ['contracts', 'users'],
    reason:
      'The demo seeder picks the demo parents and their signed contracts to pay for; the catalog and identity demo doors do not hand those rows out yet',
  },
  {
    rule: 'table-ownership',
    from: 'tests/',
    tables: '*',
    reason:
      'End-to-end tests stand outside every module: they build whole worlds and check the rows a journey leaves across modules',
  },
  {
    rule: 'table-ownership',
    from: 'modules/*/tests/',
    tables: ['audit_events', 'outbox_events'],
    reason:
      "A module's tests check that an action committed its audit entry and its domain event with it (or neither); those rows are the action's own output, kept in identity's and the kernel's tables",
  },
  {
    rule: 'table-ownership',
    from: 'modules/identity/tests/',
    tables: ['rate_limits'],
    reason:
      "Identity's retention job also prunes the kernel's limiter counters; its test seeds stale ones",
  },
  {
    rule: 'table-ownership',
    from: 'modules/identity/tests/texts.ts',
    tables: ['dev_texts', 'message_deliveries'],
    reason:
      "Identity's sign-up, code and password tests read the text a phone would show; messages (above identity, so not importable) keeps the development channel's copies and the masked log",
  },
  {
    rule: 'table-ownership',
    from: 'modules/statistics/tests/',
    tables: [
      'complaints',
      'courses',
      'fund_anomalies',
      'inspection_findings',
      'inspections',
      'institutions',
      'orders',
      'refunds',
      'reviews',
      'supervised_accounts',
    ],
    reason:
      'Counter and report-view tests write the facts row by row and check each figure against a count on the source tables; the owning modules publish no builders for these facts yet',
  },
  {
    rule: 'table-ownership',
    from: 'modules/catalog/tests/',
    tables: ['inspection_findings', 'inspections', 'institutions', 'registry_documents', 'staff'],
    reason:
      "Course tests put a filed institution's staff, documents and inspections in the state a case needs; #testing/registry builds only the common states",
  },
  {
    rule: 'table-ownership',
    from: 'modules/funds/tests/',
    tables: ['contracts', 'filing_sections', 'institutions'],
    reason:
      'Money tests move a contract or an institution into the state a case needs (lapsed, paid, re-filed); the catalog and registry testing doors build only the common states',
  },
  {
    rule: 'table-ownership',
    from: 'modules/complaints/tests/',
    tables: ['orders'],
    reason:
      'Review tests mark an order finished, which only a whole course of classes does otherwise',
  },
]

/** An exception without a reason, or for a file that is gone, stops the check. */
function checkExceptions(exceptions, root) {
  for (const e of exceptions) {
    if (!e.reason) throw new Error(`Boundary exception for ${e.from} (${e.rule}) gives no reason`)
    if (!existsSync(join(root, e.from)))
      throw new Error(
        `Boundary exception for ${e.from} (${e.rule}) names a file that no longer exists: remove it`
      )
  }
}

function exceptionsTo(rule) {
  return IMPORT_EXCEPTIONS.filter((e) => e.rule === rule).map((e) => `^${escape(e.from)}$`)
}

function buildConfig(root = process.cwd()) {
  const manifests = readManifests(root)
  checkExceptions(IMPORT_EXCEPTIONS, root)
  const undeclared = manifests.map((m) => {
    const allowed = [m.name, ...m.dependsOn].map(escape).join('|')
    return {
      name: `undeclared-module-dependency:${m.name}`,
      comment: `modules/${m.name} may use only ${m.dependsOn.length ? m.dependsOn.join(', ') : 'no other module'} (module.json "dependsOn")`,
      severity: 'error',
      from: { path: `^modules/${escape(m.name)}/` },
      to: { path: '^modules/[^/]+/', pathNot: `^modules/(${allowed})/` },
    }
  })

  return {
    forbidden: [
      {
        name: 'module-internals-from-module',
        comment:
          'Another module is reached only through its doors: index.ts (#modules/<name>), demo.ts, bench.ts',
        severity: 'error',
        from: { path: '^modules/([^/]+)/', pathNot: '^modules/[^/]+/tests/' },
        to: {
          path: '^modules/[^/]+/',
          pathNot: ['^modules/$1/', '^modules/[^/]+/(index|demo|bench)\\.ts$'],
        },
      },
      {
        name: 'module-internals-from-module-tests',
        comment: "A module's tests reach other modules through index.ts or testing.ts",
        severity: 'error',
        from: { path: '^modules/([^/]+)/tests/' },
        to: {
          path: '^modules/[^/]+/',
          pathNot: ['^modules/$1/', '^modules/[^/]+/(index|testing|demo|bench)\\.ts$'],
        },
      },
      {
        name: 'module-internals-from-outside',
        comment:
          'Outside modules/, import a module only through its doors: #modules/<name>, #testing/<name>, #modules/<name>/demo, #modules/<name>/bench',
        severity: 'error',
        from: { path: '^(start|config|database|bin|plugins|tests|bench)/' },
        to: { path: '^modules/[^/]+/', pathNot: '^modules/[^/]+/(index|testing|demo|bench)\\.ts$' },
      },
      {
        name: 'testing-helpers-outside-tests',
        comment: 'testing.ts is for tests only',
        severity: 'error',
        from: { pathNot: '(^tests/|/tests/)' },
        to: { path: '^modules/[^/]+/testing\\.ts$' },
      },
      {
        name: 'demo-door-outside-demo-code',
        comment:
          "A demo door (#modules/<name>/demo) is for the demo seeder (database/seeders) and other modules' demo seeders only",
        severity: 'error',
        from: { pathNot: ['^database/seeders/', '^modules/[^/]+/demo/'] },
        to: { path: '^modules/[^/]+/demo\\.ts$' },
      },
      {
        name: 'bench-door-outside-bench-code',
        comment:
          "A bench door (#modules/<name>/bench) is for bench/, tests/bench/ and other modules' generators only",
        severity: 'error',
        from: { pathNot: BENCH_CODE },
        to: { path: '^modules/[^/]+/bench\\.ts$' },
      },
      {
        name: 'bench-harness-outside-bench-code',
        comment:
          'The benchmark harness and its bulk loaders (bench/, #bench/*) are for bench code only',
        severity: 'error',
        from: { pathNot: BENCH_CODE },
        to: { path: '^bench/' },
      },
      {
        name: 'demo-or-bench-code-in-application',
        comment:
          "A module's own code never reaches its demo/ or bench/ code: only its demo.ts and bench.ts doors do (so index.ts cannot export them)",
        severity: 'error',
        from: {
          path: '^modules/([^/]+)/',
          pathNot: [
            '^modules/[^/]+/(demo|bench)(\\.ts$|/)',
            '^modules/[^/]+/tests/',
            ...exceptionsTo('demo-or-bench-code-in-application'),
          ],
        },
        to: { path: '^modules/$1/(demo|bench)/' },
      },
      ...undeclared,
      {
        name: 'kernel-imports-module-or-plugin',
        comment: 'The kernel (app/) never imports a module or a plugin',
        severity: 'error',
        from: { path: '^app/' },
        to: { path: '^(modules|plugins)/' },
      },
      {
        name: 'plugin-imports-beyond-sdk',
        comment: 'A plugin imports only its own files and the plugin SDK (#plugin_sdk)',
        severity: 'error',
        from: { path: '^plugins/([^/]+)/', pathNot: '^plugins/[^/]+/tests/' },
        to: { pathNot: ['^plugins/$1/', '^app/plugin_sdk/'] },
      },
      {
        name: 'plugin-tests-beyond-sdk',
        comment: "A plugin's tests use the plugin, the SDK and its test kit, and test tools",
        severity: 'error',
        from: { path: '^plugins/([^/]+)/tests/' },
        to: {
          dependencyTypesNot: ['npm', 'npm-dev', 'core'],
          pathNot: ['^plugins/$1/', '^app/plugin_sdk/'],
        },
      },
      {
        name: 'no-circular',
        comment: 'Import cycles make modules impossible to reason about one at a time',
        severity: 'error',
        from: {},
        to: { circular: true },
      },
      {
        name: 'not-to-unresolvable',
        comment: 'An import that cannot be resolved would make the other rules blind',
        severity: 'error',
        from: {},
        to: { couldNotResolve: true },
      },
    ],
    options: {
      doNotFollow: { path: 'node_modules' },
      exclude: { path: ['^node_modules/', '^build/', '^\\.adonisjs/', '^tests/fixtures/'] },
      tsPreCompilationDeps: true,
      combinedDependencies: false,
      enhancedResolveOptions: {
        exportsFields: ['exports'],
        conditionNames: ['import', 'node', 'default', 'types'],
        extensions: ['.ts', '.js', '.json', '.d.ts'],
        mainFields: ['module', 'main', 'types'],
      },
      skipAnalysisNotInRules: true,
    },
  }
}

module.exports = { buildConfig, checkExceptions, IMPORT_EXCEPTIONS, TABLE_EXCEPTIONS }
