/*
| Factories and helpers other modules' tests may use (`#testing/funds`):
| a paid order in a few lines, and channel callbacks signed as the sandbox
| provider signs them.
*/
import { randomUUID } from 'node:crypto'
import { createTestAccount } from '#testing/identity'
import { createFiledInstitution, createStaffMember, residentId } from '#testing/registry'
import { courseDraft, createCourse, signedContractFixture } from '#testing/catalog'
import { ApplyChannelNotice } from './actions/apply_channel_notice.js'
import { CreateOrder } from './actions/create_order.js'
import { sandboxSettings } from './channels/setup.js'
import { signPayload, unixSeconds } from './channels/signing.js'
import type { RawNotice } from './channels/channel.js'
import Order from './models/order.js'
import Payment from './models/payment.js'
import { businessNumber } from './services/numbers.js'

/** A callback body signed with the sandbox secret (or a wrong one, to forge it). */
export function signedNotice(payload: Record<string, unknown>, options: { secret?: string; timestamp?: string } = {}): RawNotice {
  const body = JSON.stringify({ notice_id: randomUUID(), occurred_at: new Date().toISOString(), ...payload })
  const timestamp = options.timestamp ?? unixSeconds()
  return { headers: { 'x-sandbox-timestamp': timestamp, 'x-sandbox-signature': signPayload(options.secret ?? sandboxSettings().secret, timestamp, body) }, body }
}

export interface OrderWorld {
  order: Order
  contractId: number
  institutionId: number
  parent: Awaited<ReturnType<typeof createTestAccount>>
  owner: Awaited<ReturnType<typeof createTestAccount>>
}

/** A signed contract of a white-listed institution and its first order, awaiting payment. */
export async function orderFixture(options: { regionCode?: string; course?: Parameters<typeof courseDraft>[0] } = {}): Promise<OrderWorld> {
  const regionCode = options.regionCode ?? '220104'
  const institution = await createFiledInstitution({ regionCode, categories: ['arts', 'academic'] })
  const teacher = await createStaffMember(institution.id, '李老师', residentId(Math.floor(Math.random() * 900) + 100))
  const owner = await createTestAccount({ role: 'institution_owner', regionCode, orgType: 'institution', orgId: institution.id })
  const course = await createCourse(institution.id, courseDraft({ teacherIds: [teacher.id], ...options.course }), 'on_sale')
  const parent = await createTestAccount({ role: 'parent', regionCode })
  const contractId = await signedContractFixture(course.id, parent.id)
  const order = await new CreateOrder().handle(parent.user, contractId)
  return { order, contractId, institutionId: institution.id, parent, owner }
}

/** Pays an order as the channel would: a pending payment, then its signed success callback. */
export async function payOrder(order: Order): Promise<Payment> {
  const payment = await Payment.create({ number: businessNumber('P'), orderId: order.id, consumptionId: null, provider: 'sandbox', amountFen: order.amountFen, status: 'pending' })
  const result = await new ApplyChannelNotice().handle('sandbox', signedNotice({ event: 'payment.succeeded', out_trade_no: payment.number, transaction_id: `T${randomUUID()}`, amount_fen: payment.amountFen }))
  if (result.outcome !== 'applied') throw new Error(`payment not applied: ${result.reason}`)
  await order.refresh()
  await payment.refresh()
  return payment
}
