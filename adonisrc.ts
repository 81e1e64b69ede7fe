import { defineConfig } from '@adonisjs/core/app'

/*
| Wiring only. Each module adds its provider, routes, test suites and view
| files here; `node ace make:module <name>` writes those lines for you.
*/
export default defineConfig({
  directories: {
    public: 'resources/public',
    commands: 'app/commands',
    seeders: 'database/seeders',
  },

  commands: [
    () => import('@adonisjs/core/commands'),
    () => import('@adonisjs/lucid/commands'),
    () => import('@adonisjs/queue/commands'),
    () => import('./app/ace/module_commands_loader.js'),
    () => import('./bench/commands_loader.js'),
  ],

  providers: [
    () => import('@adonisjs/core/providers/app_provider'),
    () => import('@adonisjs/core/providers/hash_provider'),
    { file: () => import('@adonisjs/core/providers/repl_provider'), environment: ['repl', 'test'] },
    () => import('@adonisjs/core/providers/vinejs_provider'),
    () => import('@adonisjs/core/providers/edge_provider'),
    () => import('@adonisjs/session/session_provider'),
    () => import('@adonisjs/shield/shield_provider'),
    () => import('@adonisjs/static/static_provider'),
    () => import('@adonisjs/lucid/database_provider'),
    () => import('@adonisjs/auth/auth_provider'),
    () => import('@adonisjs/bouncer/bouncer_provider'),
    () => import('@adonisjs/i18n/i18n_provider'),
    () => import('@adonisjs/limiter/limiter_provider'),
    () => import('@adonisjs/redis/redis_provider'),
    () => import('@adonisjs/drive/drive_provider'),
    () => import('@adonisjs/queue/queue_provider'),
    () => import('@adonisjs/cache/cache_provider'),
    () => import('./app/providers/calendar_provider.js'),
    () => import('./app/providers/kernel_provider.js'),
    () => import('./modules/identity/provider.js'),
    () => import('./modules/messages/provider.js'),
    () => import('./modules/registry/provider.js'),
    () => import('./modules/catalog/provider.js'),
    () => import('./modules/funds/provider.js'),
    () => import('./modules/complaints/provider.js'),
    () => import('./modules/statistics/provider.js'),
    () => import('./modules/credit/provider.js'),
    () => import('./modules/students/provider.js'),
    () => import('./modules/afterschool/provider.js'),
  ],

  preloads: [
    () => import('#start/routes'),
    () => import('#start/kernel'),
    { file: () => import('#start/scheduler'), environment: ['web'] },
    () => import('./modules/identity/routes.js'),
    () => import('./modules/messages/routes.js'),
    () => import('./modules/registry/routes.js'),
    () => import('./modules/catalog/routes.js'),
    () => import('./modules/funds/routes.js'),
    () => import('./modules/complaints/routes.js'),
    () => import('./modules/statistics/routes.js'),
    () => import('./modules/credit/routes.js'),
    () => import('./modules/students/routes.js'),
    () => import('./modules/afterschool/routes.js'),
  ],

  tests: {
    suites: [
      {
        name: 'kernel',
        files: ['tests/unit/**/*.spec.ts', 'plugins/*/tests/**/*.spec.ts'],
        timeout: 10000,
      },
      {
        name: 'identity:unit',
        files: ['modules/identity/tests/unit/**/*.spec.ts'],
        timeout: 10000,
      },
      {
        name: 'identity:functional',
        files: ['modules/identity/tests/functional/**/*.spec.ts'],
        timeout: 30000,
      },
      {
        name: 'identity:browser',
        files: ['modules/identity/tests/browser/**/*.spec.ts'],
        timeout: 120000,
      },
      { name: 'e2e:functional', files: ['tests/functional/**/*.spec.ts'], timeout: 60000 },
      {
        name: 'registry:unit',
        files: ['modules/registry/tests/unit/**/*.spec.ts'],
        timeout: 10000,
      },
      {
        name: 'registry:functional',
        files: ['modules/registry/tests/functional/**/*.spec.ts'],
        timeout: 30000,
      },
      {
        name: 'registry:browser',
        files: ['modules/registry/tests/browser/**/*.spec.ts'],
        timeout: 180000,
      },
      { name: 'catalog:unit', files: ['modules/catalog/tests/unit/**/*.spec.ts'], timeout: 10000 },
      {
        name: 'catalog:functional',
        files: ['modules/catalog/tests/functional/**/*.spec.ts'],
        timeout: 30000,
      },
      {
        name: 'catalog:browser',
        files: ['modules/catalog/tests/browser/**/*.spec.ts'],
        timeout: 120000,
      },
      { name: 'funds:unit', files: ['modules/funds/tests/unit/**/*.spec.ts'], timeout: 10000 },
      {
        name: 'funds:functional',
        files: ['modules/funds/tests/functional/**/*.spec.ts'],
        timeout: 30000,
      },
      {
        name: 'funds:browser',
        files: ['modules/funds/tests/browser/**/*.spec.ts'],
        timeout: 120000,
      },
      {
        name: 'complaints:unit',
        files: ['modules/complaints/tests/unit/**/*.spec.ts'],
        timeout: 10000,
      },
      {
        name: 'complaints:functional',
        files: ['modules/complaints/tests/functional/**/*.spec.ts'],
        timeout: 30000,
      },
      {
        name: 'complaints:browser',
        files: ['modules/complaints/tests/browser/**/*.spec.ts'],
        timeout: 120000,
      },
      {
        name: 'statistics:unit',
        files: ['modules/statistics/tests/unit/**/*.spec.ts'],
        timeout: 10000,
      },
      {
        name: 'statistics:functional',
        files: ['modules/statistics/tests/functional/**/*.spec.ts'],
        timeout: 30000,
      },
      {
        name: 'statistics:browser',
        files: ['modules/statistics/tests/browser/**/*.spec.ts'],
        timeout: 120000,
      },
      /* The data generator at smoke scale and each benchmark in a very short mode: they must work, not be fast. */
      { name: 'bench', files: ['tests/bench/**/*.spec.ts'], timeout: 600000 },
      {
        name: 'messages:unit',
        files: ['modules/messages/tests/unit/**/*.spec.ts'],
        timeout: 10000,
      },
      {
        name: 'messages:functional',
        files: ['modules/messages/tests/functional/**/*.spec.ts'],
        timeout: 30000,
      },
      {
        name: 'messages:browser',
        files: ['modules/messages/tests/browser/**/*.spec.ts'],
        timeout: 120000,
      },
      {
        name: 'credit:unit',
        files: ['modules/credit/tests/unit/**/*.spec.ts'],
        timeout: 10000,
      },
      {
        name: 'credit:functional',
        files: ['modules/credit/tests/functional/**/*.spec.ts'],
        timeout: 30000,
      },
      {
        name: 'credit:browser',
        files: ['modules/credit/tests/browser/**/*.spec.ts'],
        timeout: 120000,
      },
      {
        name: 'students:unit',
        files: ['modules/students/tests/unit/**/*.spec.ts'],
        timeout: 10000,
      },
      {
        name: 'students:functional',
        files: ['modules/students/tests/functional/**/*.spec.ts'],
        timeout: 30000,
      },
      {
        name: 'students:browser',
        files: ['modules/students/tests/browser/**/*.spec.ts'],
        timeout: 120000,
      },
      {
        name: 'afterschool:unit',
        files: ['modules/afterschool/tests/unit/**/*.spec.ts'],
        timeout: 10000,
      },
      {
        name: 'afterschool:functional',
        files: ['modules/afterschool/tests/functional/**/*.spec.ts'],
        timeout: 30000,
      },
      {
        name: 'afterschool:browser',
        files: ['modules/afterschool/tests/browser/**/*.spec.ts'],
        timeout: 120000,
      },
    ],
    forceExit: false,
  },

  metaFiles: [
    { pattern: 'resources/views/**/*.edge', reloadServer: false },
    { pattern: 'resources/public/**', reloadServer: false },
    { pattern: 'resources/lang/**/*.{json,yaml,yml}', reloadServer: false },
    /* Any depth: a module may keep a sub-domain's views beside its code (credit/risk/views). */
    { pattern: 'modules/**/views/**/*.edge', reloadServer: false },
    /* Module messages: without them a production build shows "translation missing" everywhere (and its import template has no headers). */
    { pattern: 'modules/*/lang/**/*.{json,yaml,yml}', reloadServer: false },
    { pattern: 'modules/*/module.json', reloadServer: true },
    { pattern: 'plugins/*/views/**/*.edge', reloadServer: false },
    { pattern: 'plugins/*/lang/**/*.{json,yaml,yml}', reloadServer: false },
  ],
})
