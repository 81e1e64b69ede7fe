/*
| Authenticates a bank's API request: a key naming the bank, a timestamp
| within five minutes, a nonce never seen before from that bank, and an
| HMAC over nonce, method, path and body with the bank's secret. Every
| request is recorded, refused ones with their reason.
*/
import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import { bankCanonical, checkSignature } from '../channels/signing.js'
import Bank from '../models/bank.js'
import { bankSecret } from './supervised_accounts.js'
import { isUniqueViolation } from '#kernel/shared/db_errors'

export class BankAuthError extends Error {}

export async function authenticateBank(ctx: HttpContext): Promise<{ bank: Bank; body: string }> {
  const { request } = ctx
  const body = request.raw() ?? ''
  const header = (name: string) => request.header(name) ?? null
  const record = (bankId: number | null, outcome: 'accepted' | 'rejected', reason: string | null, nonce: string | null) =>
    db.table('bank_api_requests').insert({ bank_id: bankId, nonce: nonce?.slice(0, 64) ?? null, method: request.method(), path: request.url(true).slice(0, 255), outcome, reason, body: body.slice(0, 8000), remote_ip: request.ip(), received_at: new Date() })

  const bank = await Bank.findBy('apiKey', header('x-bank-key') ?? '')
  if (!bank) {
    await record(null, 'rejected', 'unknown key', header('x-bank-nonce'))
    throw new BankAuthError('unknown key')
  }
  const nonce = header('x-bank-nonce')
  if (!nonce || nonce.length < 16 || nonce.length > 64) {
    await record(bank.id, 'rejected', 'nonce missing', nonce)
    throw new BankAuthError('nonce missing')
  }
  const check = checkSignature(bankSecret(bank), { timestamp: header('x-bank-timestamp'), signature: header('x-bank-signature'), body: bankCanonical(nonce, request.method(), request.url(true), body) })
  if (check !== 'ok') {
    await record(bank.id, 'rejected', `signature ${check}`, nonce)
    throw new BankAuthError(`signature ${check}`)
  }
  try {
    await record(bank.id, 'accepted', null, nonce)
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    await record(bank.id, 'rejected', 'replayed nonce', nonce)
    throw new BankAuthError('replayed nonce')
  }
  return { bank, body }
}
