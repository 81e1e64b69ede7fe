/* No Bouncer policy: machine endpoints, authenticated by the channel's or the bank's signature (bank_auth), not a session. */
import type { HttpContext } from '@adonisjs/core/http'
import { ApplyChannelNotice } from '../actions/apply_channel_notice.js'
import { RecordBankMovements } from '../actions/record_bank_movements.js'
import { RejectInstruction } from '../actions/reject_instruction.js'
import BankInstruction from '../models/bank_instruction.js'
import SupervisedAccount from '../models/supervised_account.js'
import { BankAuthError, authenticateBank } from '../services/bank_auth.js'
import { isUnsafeBody } from '../services/machine_requests.js'
import { rawBodyBytes } from '#kernel/shared/raw_body'

/** The body as JSON, or undefined when it is not clean JSON text (a NUL byte, invalid UTF-8, bad syntax): answered 400. */
function json(body: string, bytes?: Buffer): any {
  if (isUnsafeBody(body, bytes)) return undefined
  try {
    return JSON.parse(body)
  } catch {
    return undefined
  }
}

const badBody = (ctx: HttpContext) =>
  ctx.response.status(400).send({ error: 'body is not valid JSON text' })

/** Machine endpoints: payment channel callbacks and the supervising banks' API (signed, no cookies). */
export default class ApiController {
  async notice(ctx: HttpContext) {
    const result = await new ApplyChannelNotice().handle(
      String(ctx.params.provider),
      {
        headers: ctx.request.headers(),
        body: ctx.request.raw() ?? '',
        bytes: rawBodyBytes(ctx.request),
      },
      ctx.request.ip()
    )
    /* A provider retries until it gets 2xx: a rejected notice is answered 400 so it is never taken as accepted. */
    return ctx.response.status(result.outcome === 'rejected' ? 400 : 200).send({
      code: result.outcome === 'rejected' ? 'FAIL' : 'SUCCESS',
      outcome: result.outcome,
      message: result.reason ?? null,
    })
  }

  async #bank(ctx: HttpContext) {
    try {
      return await authenticateBank(ctx)
    } catch (error) {
      if (error instanceof BankAuthError) {
        ctx.response.status(401).send({ error: error.message })
        return null
      }
      throw error
    }
  }

  async instructions(ctx: HttpContext) {
    const auth = await this.#bank(ctx)
    if (!auth) return
    const pending = await BankInstruction.query()
      .where('bankId', auth.bank.id)
      .where('status', 'sent')
      .orderBy('id')
      .limit(200)
    const ids = new Set(
      pending.flatMap((i) => [i.supervisedAccountId, i.targetAccountId ?? i.supervisedAccountId])
    )
    const accounts = new Map(
      (
        await SupervisedAccount.query()
          .whereIn('id', [...ids])
          .preload('bank')
      ).map((a) => [a.id, a])
    )
    return {
      instructions: pending.map((i) => ({
        number: i.number,
        kind: i.kind,
        account_number: accounts.get(i.supervisedAccountId)?.accountNumber,
        amount_fen: i.amountFen,
        /* A transfer names where the money goes; the receiving bank's credit must carry the instruction number as its reference. */
        ...(i.targetAccountId
          ? {
              to: {
                bank_name: accounts.get(i.targetAccountId)?.bank.name,
                account_number: accounts.get(i.targetAccountId)?.accountNumber,
              },
            }
          : {}),
        created_at: i.createdAt.toISO(),
      })),
    }
  }

  async reject(ctx: HttpContext) {
    const auth = await this.#bank(ctx)
    if (!auth) return
    const body = json(auth.body, rawBodyBytes(ctx.request))
    if (body === undefined) return badBody(ctx)
    const reason = String(body?.reason ?? '').trim()
    if (!reason) return ctx.response.status(422).send({ error: 'reason is required' })
    const done = await new RejectInstruction().handle(auth.bank, String(ctx.params.number), reason)
    return done
      ? { outcome: 'rejected' }
      : ctx.response.status(404).send({ error: 'no such pending instruction for this bank' })
  }

  async movements(ctx: HttpContext) {
    const auth = await this.#bank(ctx)
    if (!auth) return
    const body = json(auth.body, rawBodyBytes(ctx.request))
    if (body === undefined) return badBody(ctx)
    const movements = body?.movements
    if (!Array.isArray(movements))
      return ctx.response.status(422).send({ error: 'movements must be an array' })
    return { results: await new RecordBankMovements().handle(auth.bank, movements) }
  }
}
