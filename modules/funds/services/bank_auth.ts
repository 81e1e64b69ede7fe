/*
| Authenticates a bank's API request: a key naming the bank, a timestamp
| within five minutes, a nonce never seen before from that bank, and an
| HMAC over nonce, method, path and body with the bank's secret. A signed
| request is recorded in full (a replayed one too, with that reason); one
| nobody can be held to (unknown key, missing nonce, bad signature) only
| bumps a per-minute counter (finding 22), so a flood cannot grow the table.
*/
import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import { bankCanonical, checkSignature } from '../channels/signing.js'
import Bank from '../models/bank.js'
import { bankSecret } from './supervised_accounts.js'
import { isUniqueViolation } from '#kernel/shared/db_errors'
import { bodyBytes, countUnverified, storableText } from './machine_requests.js'
import { rawBodyBytes } from '#kernel/shared/raw_body'

export class BankAuthError extends Error {}

export async function authenticateBank(ctx: HttpContext): Promise<{ bank: Bank; body: string }> {
  const { request } = ctx
  const body = request.raw() ?? ''
  const header = (name: string) => request.header(name) ?? null
  const record = (
    bankId: number | null,
    outcome: 'accepted' | 'rejected',
    reason: string | null,
    nonce: string | null
  ) =>
    db.table('bank_api_requests').insert({
      bank_id: bankId,
      nonce: nonce ? storableText(nonce, 64) : null,
      method: request.method(),
      path: storableText(request.url(true), 255),
      outcome,
      reason,
      body: storableText(body),
      body_bytes: bodyBytes(body, rawBodyBytes(request)),
      remote_ip: request.ip(),
      received_at: new Date(),
    })
  /* Counted per bank (a bounded set) and reason; the answer names the reason only. */
  const refuse = async (reason: string, bankId?: number): Promise<never> => {
    await countUnverified('bank_api', bankId ? `${reason} (bank ${bankId})` : reason, request.ip())
    throw new BankAuthError(reason)
  }

  const bank = await Bank.findBy('apiKey', header('x-bank-key') ?? '')
  if (!bank) return refuse('unknown key')
  const nonce = header('x-bank-nonce')
  if (!nonce || nonce.length < 16 || nonce.length > 64) return refuse('nonce missing', bank.id)
  const check = checkSignature(bankSecret(bank), {
    timestamp: header('x-bank-timestamp'),
    signature: header('x-bank-signature'),
    body: bankCanonical(nonce, request.method(), request.url(true), body),
  })
  if (check !== 'ok') return refuse(`signature ${check}`, bank.id)
  try {
    await record(bank.id, 'accepted', null, nonce)
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    await record(bank.id, 'rejected', 'replayed nonce', nonce)
    throw new BankAuthError('replayed nonce')
  }
  return { bank, body }
}
