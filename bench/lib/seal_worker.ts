/*
| A worker thread that seals personal data for bulk loads (see
| seal_pool.ts). It boots the application like the console does, so the
| ciphertexts and blind indexes come from the application's own encryption
| service and configuration, exactly as `sealPhone`/`sealIdNumber` make
| them on a request.
*/
import 'reflect-metadata'
import { parentPort } from 'node:worker_threads'
import { Ignitor } from '@adonisjs/core'

const APP_ROOT = new URL('../../', import.meta.url)
const IMPORTER = (filePath: string) =>
  import(
    filePath.startsWith('./') || filePath.startsWith('../')
      ? new URL(filePath, APP_ROOT).href
      : filePath
  )

const app = new Ignitor(APP_ROOT, { importer: IMPORTER }).createApp('console')
app.booting(async () => {
  await import('#start/env')
})
await app.init()
await app.boot()
const { sealPhone, sealIdNumber } = await import('#kernel/shared/personal_data')
const { default: encryption } = await import('@adonisjs/core/services/encryption')

export type SealKind = 'phone' | 'id_number' | 'text'

parentPort!.on('message', (job: { id: number; kind: SealKind; values: string[] }) => {
  try {
    const ciphers: string[] = []
    const indexes: string[] = []
    const masked: string[] = []
    for (const value of job.values) {
      if (job.kind === 'text') {
        ciphers.push(encryption.encrypt(value))
        continue
      }
      const sealed = job.kind === 'phone' ? sealPhone(value) : sealIdNumber(value)
      ciphers.push(sealed.cipher)
      indexes.push(sealed.index)
      masked.push(sealed.masked)
    }
    parentPort!.postMessage({ id: job.id, ciphers, indexes, masked })
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: (error as Error).message })
  }
})
parentPort!.postMessage({ ready: true })
