import db from '@adonisjs/lucid/services/db'
import encryption from '@adonisjs/core/services/encryption'
import logger from '@adonisjs/core/services/logger'
import { unseal } from '#kernel/shared/personal_data'
import { type MessageKind, templateOf } from '../templates.js'
import { channelFor } from '../channels/channel_for.js'
import { templateCodes } from '../channels/configured.js'
import type { SmsResult } from '../channels/sms_channel.js'
import { orderedParams, signName } from './render.js'

/* Then the text is given up and listed for operators (the outbox itself would try 12 times). */
export const MAX_TEXT_ATTEMPTS = 8

/** Thrown after a retryable failure is recorded, so the outbox retries the delivery with back-off. */
export class RetryText extends Error {}

/**
 * Sends one queued text. The row is locked while the provider is asked, so
 * two drains never send it twice; the outcome is recorded, the parameters
 * are wiped once the text is sent or given up, and a retryable failure is
 * thrown (after its record commits) for the outbox to retry later.
 */
export async function deliverText(deliveryId: number): Promise<void> {
  const outcome = await db.transaction(async (trx) => {
    const row = await trx
      .from('message_deliveries')
      .where('id', deliveryId)
      .whereIn('status', ['queued', 'retrying'])
      .forUpdate()
      .skipLocked()
      .first()
    if (!row) {
      /* Locked by another drain (it is sending it now), or already done: only the first may be acknowledged. */
      const pending = await trx
        .from('message_deliveries')
        .where('id', deliveryId)
        .whereIn('status', ['queued', 'retrying'])
        .first()
      return pending ? { retry: true, failure: 'being sent by another drain' } : null
    }
    const kind = row.kind as MessageKind
    const ttl = templateOf(kind).ttlMinutes
    if (ttl && Date.now() - new Date(row.created_at).getTime() > ttl * 60_000) {
      /* A code or link past its validity is worth nothing to its reader: never sent late. */
      await trx.from('message_deliveries').where('id', deliveryId).update({
        status: 'skipped',
        attempts: row.attempts,
        failure: 'expired',
        params_cipher: null,
        failed_at: new Date(),
      })
      return null
    }
    const params = JSON.parse(encryption.decrypt<string>(row.params_cipher) ?? '{}')
    const result = await send(kind, deliveryId, unseal(row.recipient_cipher), params, row.provider)
    const attempts = row.attempts + 1
    if (result.ok) {
      await trx
        .from('message_deliveries')
        .where('id', deliveryId)
        .update({
          status: 'sent',
          attempts,
          provider_message_id: result.providerMessageId,
          params_cipher: null,
          sent_at: new Date(),
          /* The development channel's copy is on its page at once: no report to wait for. */
          delivery_status: row.provider === 'outbox' ? 'delivered' : null,
          delivered_at: row.provider === 'outbox' ? new Date() : null,
          failure: null,
          last_error: null,
        })
      return { retry: false }
    }
    const giveUp = !result.retryable || attempts >= MAX_TEXT_ATTEMPTS
    await trx
      .from('message_deliveries')
      .where('id', deliveryId)
      .update({
        status: giveUp ? 'failed' : 'retrying',
        attempts,
        failure: result.failure,
        provider_code: result.providerCode.slice(0, 100),
        last_error: result.detail.slice(0, 1000),
        params_cipher: giveUp ? null : row.params_cipher,
        failed_at: giveUp ? new Date() : null,
      })
    if (giveUp) {
      logger.warn(
        { delivery: deliveryId, kind, failure: result.failure, code: result.providerCode },
        'text given up'
      )
    }
    return { retry: !giveUp, failure: result.failure }
  })
  if (outcome?.retry)
    throw new RetryText(`text ${deliveryId} not sent (${outcome.failure}); retried later`)
}

async function send(
  kind: MessageKind,
  deliveryId: number,
  phone: string,
  params: Record<string, string>,
  provider: 'outbox' | 'aliyun' | 'tencent'
): Promise<SmsResult> {
  const template = templateOf(kind)
  const templateCode = provider === 'outbox' ? kind : templateCodes()[kind]
  if (!templateCode) {
    return {
      ok: false,
      failure: 'template_rejected',
      retryable: false,
      providerCode: 'no_template_code',
      detail: `SMS_TEMPLATE_CODES has no code for ${kind}`,
    }
  }
  let ordered: { name: string; value: string }[]
  try {
    ordered = orderedParams(template, params)
  } catch (error) {
    /* The template changed since the text was queued: retrying would fail the same way. */
    return {
      ok: false,
      failure: 'template_rejected',
      retryable: false,
      providerCode: 'parameters_changed',
      detail: String((error as Error).message),
    }
  }
  try {
    return await (
      await channelFor(provider)
    ).send({
      kind,
      deliveryId,
      phone,
      templateCode,
      params: ordered,
      signName: signName(),
      reference: `d${deliveryId}`,
    })
  } catch (error) {
    /* An adapter maps what it knows; anything it throws is the provider being unreachable. */
    return {
      ok: false,
      failure: 'unavailable',
      retryable: true,
      providerCode: 'exception',
      detail: String((error as Error)?.message ?? error),
    }
  }
}
