import testUtils from '@adonisjs/core/services/test_utils'
import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { drainOutbox } from '#kernel/shared/outbox_drain'
import { createTestAccount } from '#testing/identity'
import { signedContractFixture } from '#testing/catalog'
import { deliveriesOf, inboxOf, messagesTo } from '#testing/messages'
import { RecordClass } from '../../actions/classes.js'
import { ApplyChannelNotice } from '../../actions/apply_channel_notice.js'
import { CreateOrder } from '../../actions/create_order.js'
import { RequestRefund } from '../../actions/request_refund.js'
import { raiseAnomaly } from '../../actions/reconcile.js'
import { supervisedAccountOf } from '../../services/supervised_accounts.js'
import { payOrder, signedNotice } from '../../testing.js'
import { orderFixture, userOf } from './helpers.js'

/*
| Art. 15: when an institution is removed, black-listed or its supervised
| account raises a red anomaly, exactly the parents whose money is with it
| are told (inbox and text), and their order and contract pages show the
| notice until the cause is resolved. Two institutions: A, in trouble,
| and B, not. At A: a parent with a paid contract and one class taken
| (fees held: told), a parent who signed and has not paid (a live
| contract: told, nothing held), a parent whose order was refunded in full
| (not told). At B: a parent with a paid contract (not told).
*/
async function world() {
  const a = await orderFixture()
  await payOrder(a.order)
  await new RecordClass().handle(a.owner.user, { contractId: a.contractId, classNo: 1 })

  const signed = await createTestAccount({ role: 'parent', regionCode: '220104' })
  await signedContractFixture(a.order.courseId, signed.id)

  const refunded = await createTestAccount({ role: 'parent', regionCode: '220104' })
  const refundedContract = await signedContractFixture(a.order.courseId, refunded.id)
  const refundedOrder = await new CreateOrder().handle(refunded.user, refundedContract)
  const payment = await payOrder(refundedOrder)
  /* Before its first class: a full refund at once, confirmed by the channel. */
  const refund = await new RequestRefund().handle(refunded.user, refundedOrder.id, {
    reason: '时间冲突',
  })
  const settled = await new ApplyChannelNotice().handle(
    'sandbox',
    signedNotice({
      event: 'refund.succeeded',
      out_trade_no: payment.number,
      out_refund_no: refund.number,
      amount_fen: refund.amountFen,
    })
  )
  if (settled.outcome !== 'applied') throw new Error(`refund not settled: ${settled.reason}`)

  const b = await orderFixture()
  await payOrder(b.order)

  const county = await createTestAccount({
    role: 'admin',
    adminLevel: 'county',
    regionCode: '220104',
    unitName: '长春市朝阳区教育局',
  })
  await drainOutbox()
  return { a, b, signed, refunded, refundedOrder, county }
}

type World = Awaited<ReturnType<typeof world>>

/** What each parent of the world received of one kind: inbox entries, logged texts, and the held amount each inbox entry names. */
async function toldOf(w: World, kind: string) {
  const deliveries = await deliveriesOf(kind)
  const of = async (userId: number) => {
    const inbox = (await inboxOf(userId)).filter((row) => row.kind === kind)
    return {
      inbox: inbox.length,
      texts: deliveries.filter((row) => Number(row.recipient_user_id) === userId).length,
      yuan: inbox.map((row) => row.params.yuan),
    }
  }
  return {
    held: await of(w.a.parent.id),
    signed: await of(w.signed.id),
    refunded: await of(w.refunded.id),
    other: await of(w.b.parent.id),
  }
}

/** Exactly the concerned parents of A, once each, with the fees held for them. */
function assertToldExactly(assert: any, told: Awaited<ReturnType<typeof toldOf>>) {
  assert.deepEqual(told, {
    held: { inbox: 1, texts: 1, yuan: ['1320.00'] },
    signed: { inbox: 1, texts: 1, yuan: ['0.00'] },
    refunded: { inbox: 0, texts: 0, yuan: [] },
    other: { inbox: 0, texts: 0, yuan: [] },
  })
}

/** The event is delivered again, as after a crash between a listener's commit and the row being marked. */
async function redeliver(event: string, institutionId: number) {
  const { rowCount } = await db.rawQuery(
    `UPDATE outbox_events SET delivered_at = NULL, claimed_until = NULL, available_at = now()
      WHERE event = ? AND (payload->>'institutionId')::int = ? AND delivered_at IS NOT NULL`,
    [event, institutionId]
  )
  if (!rowCount) throw new Error(`no delivered ${event} to redeliver`)
  await drainOutbox()
}

async function page(client: ApiClient, userId: number, path: string) {
  const response = await client.get(path).loginAs(await userOf(userId))
  response.assertStatus(200)
  return response.text()
}

const NOTICE = 'data-testid="fund-notice"'

test.group('Art. 15: the parents whose money is with an institution are told', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a removal tells exactly the concerned parents, once, and their pages show it until it is undone', async ({
    assert,
    client,
  }) => {
    const w = await world()
    const removed = await client
      .post(`/manage/institutions/${w.a.institutionId}/remove`)
      .loginAs(await userOf(w.county.id))
      .withCsrfToken()
      .form({ reason: '已停止办学，负责人失联', publish: 'true' })
      .redirects(0)
    removed.assertStatus(302)
    await drainOutbox()

    assertToldExactly(assert, await toldOf(w, 'institution_removed'))
    const texts = (await messagesTo(w.a.parent.phone)).filter((t) => t.includes('停止办学'))
    assert.lengthOf(texts, 1)
    assert.include(texts[0]!, '¥1320.00')
    assert.include(texts[0]!, '/parent/orders')

    await redeliver('registry:institution_removed', w.a.institutionId)
    assertToldExactly(assert, await toldOf(w, 'institution_removed'))
    assert.lengthOf(
      (await messagesTo(w.a.parent.phone)).filter((t) => t.includes('停止办学')),
      1,
      'a redelivered event texts nobody twice'
    )

    /* The notice on the concerned parent's order, order list and contract pages; on nobody else's. */
    const order = await page(client, w.a.parent.id, `/parent/orders/${w.a.order.id}`)
    assert.include(order, NOTICE)
    assert.include(order, 'data-cause="removed"')
    assert.include(order, '¥1,320.00')
    assert.include(order, `/parent/orders/${w.a.order.id}#refund`)
    assert.include(await page(client, w.a.parent.id, '/parent/orders'), NOTICE)
    assert.notInclude(await page(client, w.b.parent.id, `/parent/orders/${w.b.order.id}`), NOTICE)
    assert.notInclude(
      await page(client, w.refunded.id, `/parent/orders/${w.refundedOrder.id}`),
      NOTICE
    )
    const contract = await page(client, w.a.parent.id, `/parent/contracts/${w.a.contractId}`)
    assert.include(contract, `hx-get="/parent/contracts/${w.a.contractId}/fund-notices"`)
    const notices = await page(
      client,
      w.a.parent.id,
      `/parent/contracts/${w.a.contractId}/fund-notices`
    )
    assert.include(notices, NOTICE)
    assert.include(notices, '¥1,320.00')
    /* Nothing owed on another institution's contract: an empty answer, which leaves the slot empty. */
    const none = await client
      .get(`/parent/contracts/${w.b.contractId}/fund-notices`)
      .loginAs(await userOf(w.b.parent.id))
    none.assertStatus(204)
    const foreign = await client
      .get(`/parent/contracts/${w.a.contractId}/fund-notices`)
      .loginAs(await userOf(w.b.parent.id))
    foreign.assertStatus(404)

    /* Undone by the same level: resolved, so the notice goes. */
    const restored = await client
      .post(`/manage/institutions/${w.a.institutionId}/restore`)
      .loginAs(await userOf(w.county.id))
      .withCsrfToken()
      .redirects(0)
    restored.assertStatus(302)
    assert.notInclude(await page(client, w.a.parent.id, `/parent/orders/${w.a.order.id}`), NOTICE)
  })

  test('a black-listing tells exactly the concerned parents, once, and shows on their pages', async ({
    assert,
    client,
  }) => {
    const w = await world()
    const listed = await client
      .post(`/manage/institutions/${w.a.institutionId}/list`)
      .loginAs(await userOf(w.county.id))
      .withCsrfToken()
      .form({ status: 'black', reason: '违规收费且拒不整改' })
      .redirects(0)
    listed.assertStatus(302)
    await drainOutbox()

    assertToldExactly(assert, await toldOf(w, 'institution_blacklisted'))
    const texts = (await messagesTo(w.signed.phone)).filter((t) => t.includes('黑名单'))
    assert.lengthOf(texts, 1)
    assert.include(texts[0]!, '¥0.00')

    await redeliver('registry:list_changed', w.a.institutionId)
    assertToldExactly(assert, await toldOf(w, 'institution_blacklisted'))

    const order = await page(client, w.a.parent.id, `/parent/orders/${w.a.order.id}`)
    assert.include(order, 'data-cause="blacklisted"')
    assert.notInclude(order, 'data-cause="removed"')
    assert.notInclude(await page(client, w.b.parent.id, `/parent/orders/${w.b.order.id}`), NOTICE)
  })

  test('a red anomaly on the supervised account tells the concerned parents; a yellow one nobody; closing it ends the notice', async ({
    assert,
    client,
  }) => {
    const w = await world()
    await raiseAnomaly(
      await supervisedAccountOf(w.b.institutionId),
      'under_covered',
      'yellow',
      { test: true },
      `test-yellow:${randomUUID()}`
    )
    const red = await raiseAnomaly(
      await supervisedAccountOf(w.a.institutionId),
      'balance_mismatch',
      'red',
      { expectedFen: 132_000, reportedFen: 0 },
      `test-red:${randomUUID()}`
    )
    await drainOutbox()

    assertToldExactly(assert, await toldOf(w, 'fund_warning'))
    await redeliver('funds:anomaly_raised', w.a.institutionId)
    assertToldExactly(assert, await toldOf(w, 'fund_warning'))

    const order = await page(client, w.a.parent.id, `/parent/orders/${w.a.order.id}`)
    assert.include(order, 'data-cause="fund_warning"')
    assert.notInclude(await page(client, w.b.parent.id, `/parent/orders/${w.b.order.id}`), NOTICE)

    const closed = await client
      .post(`/manage/funds/anomalies/${red!.id}/close`)
      .loginAs(await userOf(w.county.id))
      .withCsrfToken()
      .form({ note: '银行补报流水，余额一致' })
      .redirects(0)
    closed.assertStatus(302)
    assert.notInclude(await page(client, w.a.parent.id, `/parent/orders/${w.a.order.id}`), NOTICE)
  })
})
