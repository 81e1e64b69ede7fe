import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/lucid'
import { migrationPaths } from '#kernel/module_graph'
import plugins from '#config/plugins'

const dbConfig = defineConfig({
  connection: 'pg',
  connections: {
    pg: {
      client: 'pg',
      connection: {
        connectionString: env.get('DATABASE_URL'),
      },
      pool: { min: 0, max: env.get('DATABASE_POOL_MAX', 10) },
      migrations: {
        naturalSort: true,
        paths: migrationPaths(app.appRoot.pathname, plugins.enabled),
      },
      /* Models are written by hand inside their modules; no generated schema file. */
      schemaGeneration: { enabled: false },
    },
  },
})

export default dbConfig
