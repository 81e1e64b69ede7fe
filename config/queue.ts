import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, drivers } from '@adonisjs/queue'

const driver = env.get('QUEUE_DRIVER')

export default defineConfig({
  default: driver,
  adapters: {
    database: drivers.database({ connectionName: 'pg', tableName: 'queue_jobs' }),
    /* Resolved only when chosen, so a deployment without Redis never connects to it. */
    ...(driver === 'redis' ? { redis: drivers.redis({ connectionName: 'main' }) } : {}),
    sync: drivers.sync(),
  },
  worker: {
    concurrency: 4,
    idleDelay: '2s',
  },
  /* The kernel's own jobs (the outbox drain) beside the modules' jobs. */
  locations: [app.makePath('app/jobs/**/*.{ts,js}'), app.makePath('modules/*/jobs/**/*.{ts,js}')],
})
