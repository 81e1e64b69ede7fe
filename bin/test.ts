/*
| Test entry point (`node ace test`). Each run gets its own database on the
| server from DATABASE_URL (or the embedded one) and drops it at the end.
*/
process.env.NODE_ENV = 'test'

import 'reflect-metadata'
import { Ignitor, prettyPrintError } from '@adonisjs/core'
import { configure, processCLIArgs, run } from '@japa/runner'
import {
  dropDatabase,
  dropStaleTestDatabases,
  ensureDatabase,
  resolveDatabaseServer,
  withDatabase,
} from '../database/provisioning.js'

const APP_ROOT = new URL('../', import.meta.url)

const IMPORTER = (filePath: string) => {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, APP_ROOT).href)
  }
  return import(filePath)
}

const server = await resolveDatabaseServer(new URL('.data/pg', APP_ROOT).pathname)
await dropStaleTestDatabases(server.url)
const testDatabase = `xiaowai_test_${process.pid}_${Date.now().toString(36)}`
await ensureDatabase(server.url, testDatabase)
process.env.DATABASE_URL = withDatabase(server.url, testDatabase)

const cleanUp = async () => {
  await dropDatabase(server.url, testDatabase).catch((error) => console.error(error))
  await server.stop()
}

new Ignitor(APP_ROOT, { importer: IMPORTER })
  .tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })
    app.listen('SIGTERM', () => app.terminate())
    app.listenIf(app.managedByPm2, 'SIGINT', () => app.terminate())
  })
  .testRunner()
  .configure(async (app) => {
    const { runnerHooks, ...config } = await import('../tests/bootstrap.js')

    processCLIArgs(process.argv.splice(2))
    configure({
      ...app.rcFile.tests,
      ...config,
      ...{
        setup: runnerHooks.setup,
        teardown: runnerHooks.teardown.concat([() => app.terminate(), cleanUp]),
      },
    })
  })
  .run(() => run())
  .catch(async (error) => {
    process.exitCode = 1
    prettyPrintError(error)
    await cleanUp()
  })
