/*
| Sealing personal data (AES-GCM ciphertext, keyed blind index, masked
| copy) costs tens of microseconds a value; a national data set has
| millions. A bulk load hands them to a few worker threads, each running
| the application's own encryption (seal_worker.ts), and keeps formatting
| rows while they work. Without a pool the values are sealed in this
| thread, with the same functions.
*/
import { Worker } from 'node:worker_threads'
import encryption from '@adonisjs/core/services/encryption'
import { sealIdNumber, sealPhone } from '#kernel/shared/personal_data'
import type { SealKind } from './seal_worker.js'

export type { SealKind }

export interface SealedBatch {
  ciphers: string[]
  /** Blind indexes (empty for `text`). */
  indexes: string[]
  /** Masked copies (empty for `text`). */
  masked: string[]
}

const CHUNK = 2_000

export function sealHere(kind: SealKind, values: readonly string[]): SealedBatch {
  const out: SealedBatch = { ciphers: [], indexes: [], masked: [] }
  for (const value of values) {
    if (kind === 'text') {
      out.ciphers.push(encryption.encrypt(value))
      continue
    }
    const sealed = kind === 'phone' ? sealPhone(value) : sealIdNumber(value)
    out.ciphers.push(sealed.cipher)
    out.indexes.push(sealed.index)
    out.masked.push(sealed.masked)
  }
  return out
}

export class SealPool {
  #workers: Worker[] = []
  #next = 0
  #jobs = new Map<number, { resolve: (r: SealedBatch) => void; reject: (e: Error) => void }>()
  #sequence = 0

  /** Starts `size` workers and waits until each has booted the application. */
  static async start(size: number): Promise<SealPool> {
    const pool = new SealPool()
    const typescript = import.meta.url.endsWith('.ts')
    const script = new URL(typescript ? './seal_worker.ts' : './seal_worker.js', import.meta.url)
    await Promise.all(
      Array.from({ length: size }, () => {
        const worker = new Worker(script, {
          execArgv: typescript ? ['--import=@poppinss/ts-exec'] : [],
        })
        pool.#workers.push(worker)
        return new Promise<void>((resolve, reject) => {
          worker.once('error', reject)
          worker.on('message', (message: any) => {
            if (message.ready) return resolve()
            const job = pool.#jobs.get(message.id)
            pool.#jobs.delete(message.id)
            if (!job) return
            if (message.error) job.reject(new Error(message.error))
            else job.resolve(message)
          })
        })
      })
    )
    return pool
  }

  /** Seals the values in order, spread over the workers. */
  async seal(kind: SealKind, values: readonly string[]): Promise<SealedBatch> {
    if (!this.#workers.length) return sealHere(kind, values)
    const parts: Promise<SealedBatch>[] = []
    for (let i = 0; i < values.length; i += CHUNK) {
      const id = ++this.#sequence
      const worker = this.#workers[this.#next++ % this.#workers.length]!
      parts.push(new Promise((resolve, reject) => this.#jobs.set(id, { resolve, reject })))
      worker.postMessage({ id, kind, values: values.slice(i, i + CHUNK) })
    }
    const done = await Promise.all(parts)
    return {
      ciphers: done.flatMap((d) => d.ciphers),
      indexes: done.flatMap((d) => d.indexes),
      masked: done.flatMap((d) => d.masked),
    }
  }

  async close() {
    await Promise.all(this.#workers.map((w) => w.terminate()))
    this.#workers = []
  }
}
