/*
| Factories and helpers other modules' tests may use (`#testing/funds`):
| a paid order in a few lines, and channel callbacks signed as the sandbox
| provider signs them.
*/
import { randomUUID } from 'node:crypto'
import { ApplyChannelNotice } from './actions/apply_channel_notice.js'
import { sandboxSettings } from './channels/setup.js'
import { signPayload, unixSeconds } from './channels/signing.js'
import type { RawNotice } from './channels/channel.js'
import Order from './models/order.js'
import Payment from './models/payment.js'
import { businessNumber } from './services/numbers.js'
import { newOrder } from './actions/create_order.js'

/** A callback body signed with the sandbox secret (or a wrong one, to forge it). */
export function signedNotice(
  payload: Record<string, unknown>,
  options: { secret?: string; timestamp?: string } = {}
): RawNotice {
  const body = JSON.stringify({
    notice_id: randomUUID(),
    occurred_at: new Date().toISOString(),
    ...payload,
  })
  const timestamp = options.timestamp ?? unixSeconds()
  return {
    headers: {
      'x-sandbox-timestamp': timestamp,
      'x-sandbox-signature': signPayload(
        options.secret ?? sandboxSettings().secret,
        timestamp,
        body
      ),
    },
    body,
  }
}

/** Pays an order as the channel would: a pending payment, then its signed success callback. */
export async function payOrder(order: Order): Promise<Payment> {
  const payment = await Payment.create({
    number: businessNumber('P'),
    orderId: order.id,
    consumptionId: null,
    provider: 'sandbox',
    amountFen: order.amountFen,
    status: 'pending',
  })
  const result = await new ApplyChannelNotice().handle(
    'sandbox',
    signedNotice({
      event: 'payment.succeeded',
      out_trade_no: payment.number,
      transaction_id: `T${randomUUID()}`,
      amount_fen: payment.amountFen,
    })
  )
  if (result.outcome !== 'applied') throw new Error(`payment not applied: ${result.reason}`)
  await order.refresh()
  await payment.refresh()
  return payment
}

/**
 * A paid first order for any signed contract (no sale checks: for fixtures
 * such as the authorization matrix), a class awaiting the parent, a refund
 * request and an open anomaly — every kind of funds record, on the books.
 */
export async function fundsRecordsFor(contractId: number) {
  const { contractSummary } = await import('#modules/catalog')
  const { supervisedAccountOf } = await import('./services/supervised_accounts.js')
  const { raiseAnomaly } = await import('./actions/reconcile.js')
  const { default: Consumption } = await import('./models/consumption.js')
  const { default: Refund } = await import('./models/refund.js')
  const { DateTime } = await import('luxon')
  const contract = (await contractSummary(contractId))!
  const order = await Order.create(
    newOrder(contract, {
      chargeNo: 1,
      mode: 'prepaid',
      firstClass: 1,
      classCount: contract.classesPerCharge,
      status: 'awaiting_payment',
      provider: 'sandbox',
      expiresAt: DateTime.now().plus({ minutes: 30 }),
    })
  )
  await payOrder(order)
  const account = await supervisedAccountOf(contract.institutionId)
  const consumption = await Consumption.create({
    orderId: order.id,
    contractId,
    institutionId: order.institutionId,
    classNo: 1,
    heldOn: DateTime.now(),
    feeFen: order.pricePerClassFen,
    status: 'pending',
    confirmDueOn: DateTime.now().plus({ days: 21 }),
    recordedBy: contract.parentUserId,
  })
  await Order.query().where('id', order.id).update({ classes_consumed: 1, status: 'in_progress' })
  const refund = await Refund.create({
    number: businessNumber('R'),
    orderId: order.id,
    parentUserId: order.parentUserId,
    institutionId: order.institutionId,
    classCount: 1,
    amountFen: order.pricePerClassFen,
    reason: '测试',
    status: 'requested',
    answerDueOn: DateTime.now().plus({ days: 7 }),
  })
  const anomaly = await raiseAnomaly(
    account,
    'payment_not_settled',
    'yellow',
    { test: true },
    `test:${order.id}`
  )
  return {
    orderId: order.id,
    consumptionId: consumption.id,
    refundId: refund.id,
    anomalyId: anomaly!.id,
    bankId: account.bankId,
  }
}
