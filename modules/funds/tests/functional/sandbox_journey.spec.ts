import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import { formatYuan } from '#kernel/shared/money'
import { contractSummary } from '#modules/catalog'
import { startSandbox } from '../../sandbox/server.js'
import { sandboxChannel, sandboxSettings } from '../../channels/setup.js'
import { bankCredentials } from '../../services/supervised_accounts.js'
import { Reconcile } from '../../actions/reconcile.js'
import { accounts, balanceOf } from '../../ledger/ledger.js'
import Order from '../../models/order.js'
import Payment from '../../models/payment.js'
import BankInstruction from '../../models/bank_instruction.js'
import SupervisedAccount from '../../models/supervised_account.js'
import { assertLedgerClean, orderFixture, userOf } from './helpers.js'
import { seededRandom } from '#tests/helpers/seeded_random'

async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  ms = 15_000
): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/*
| The real thing over HTTP: the sandbox provider on its own port signs its
| callbacks (each sent twice here) and, as the bank, reports movements and
| executes instructions through the signed bank API.
*/
/* Committed, not rolled back: the sandbox provider and bank call the platform over HTTP on other connections. */
test.group('Sandbox channel and bank over HTTP', (group) => {
  let sandbox: Awaited<ReturnType<typeof startSandbox>>
  const original = sandboxSettings()
  group.setup(async () => {
    sandbox = await startSandbox({
      random: seededRandom(20261202),
      port: 0,
      merchants: { [original.merchantId]: original.secret },
      duplicateRate: 1,
      delayMs: [10, 60],
      retryMs: [200, 500],
      bank: { platformUrl: env.get('APP_URL'), credentials: bankCredentials, pollMs: 150 },
    })
    sandboxChannel.configure({ ...original, url: sandbox.url })
    return async () => {
      sandboxChannel.configure(original)
      await sandbox.close()
    }
  })

  test('a parent pays on the cashier, the callback marks the order paid once, the bank settles, releases and the refund go through', async ({
    client,
    assert,
  }) => {
    const { order, parent, owner, contractId, institutionId } = await orderFixture()
    const pay = await client
      .post(`/parent/orders/${order.id}/pay`)
      .loginAs(await userOf(parent.id))
      .withCsrfToken()
      .redirects(0)
    assert.equal(pay.status(), 302)
    const cashier = pay.header('location')!
    assert.isTrue(cashier.startsWith(sandbox.url), cashier)
    /* A redirect back is not proof of payment. */
    const before = await Order.findOrFail(order.id)
    assert.equal(before.status, 'awaiting_payment')

    const confirm = await fetch(`${cashier}/confirm`, { method: 'POST', redirect: 'manual' })
    assert.equal(confirm.status, 303)
    assert.equal(confirm.headers.get('location'), `${env.get('APP_URL')}/parent/orders/${order.id}`)
    const paid = await until('the payment callback', async () =>
      (await Order.findOrFail(order.id)).status === 'paid' ? Order.findOrFail(order.id) : null
    )
    assert.equal(paid.paidFen, order.amountFen)
    const payment = await Payment.query().where('orderId', order.id).firstOrFail()
    const notices = await until('the duplicate callback', async () => {
      const rows = await db
        .from('channel_notices')
        .where('body', 'like', `%${payment.number}%`)
        .select('outcome')
      return rows.length >= 2 ? rows : null
    })
    assert.sameMembers(notices.map((n) => n.outcome).slice(0, 2), ['applied', 'duplicate'])
    await until(
      'the bank reporting the money in the supervised account',
      async () => (await Payment.findOrFail(payment.id)).settledMovementId
    )

    /* Two classes, confirmed by the parent: the bank pays them to the institution. */
    const ownerUser = await userOf(owner.id)
    /* Held on their timetable dates (attendance is checked against the signed timetable). */
    const { classDates } = (await contractSummary(contractId))!
    const recorded = await client
      .post('/institution/attendance')
      .loginAs(ownerUser)
      .withCsrfToken()
      .form({
        'course': String(order.courseId),
        'classNo': '1',
        'heldOn': classDates[0],
        'contracts[]': String(contractId),
      })
      .redirects(0)
    assert.equal(recorded.status(), 302)
    await client
      .post('/institution/attendance')
      .loginAs(ownerUser)
      .withCsrfToken()
      .form({
        'course': String(order.courseId),
        'classNo': '2',
        'heldOn': classDates[1],
        'contracts[]': String(contractId),
      })
      .redirects(0)
    const classes = await db
      .from('consumptions')
      .where('order_id', order.id)
      .orderBy('class_no')
      .select('id')
    assert.lengthOf(classes, 2)
    for (const c of classes)
      await client
        .post(`/parent/classes/${c.id}/confirm`)
        .loginAs(await userOf(parent.id))
        .withCsrfToken()
        .redirects(0)
    await until(
      'the bank executing both releases',
      async () =>
        (await BankInstruction.query().where('orderId', order.id).where('status', 'executed'))
          .length === 2
    )
    assert.equal(
      await balanceOf(db, accounts.institution(institutionId)),
      2 * order.pricePerClassFen
    )

    /* The rest back to the channel; the institution approves. */
    const asked = await client
      .post(`/parent/orders/${order.id}/refunds`)
      .loginAs(await userOf(parent.id))
      .withCsrfToken()
      .form({ classes: '10', reason: '搬家' })
      .redirects(0)
    assert.equal(asked.status(), 302)
    const refund = await db.from('refunds').where('order_id', order.id).firstOrFail()
    await client
      .post(`/institution/refunds/${refund.id}/decide`)
      .loginAs(ownerUser)
      .withCsrfToken()
      .form({ decision: 'approve' })
      .redirects(0)
    const done = await until('the refund callback', async () =>
      (await Order.findOrFail(order.id)).refundedFen > 0 ? Order.findOrFail(order.id) : null
    )
    assert.equal(done.refundedFen, 10 * order.pricePerClassFen)
    assert.equal(done.paidFen, done.releasedFen + done.refundedFen)
    await until(
      'the bank executing the refund',
      async () =>
        (
          await BankInstruction.query()
            .where('orderId', order.id)
            .where('kind', 'refund')
            .where('status', 'executed')
        ).length === 1
    )

    /* The bank's balance and the ledger agree: nothing to report. */
    const account = await SupervisedAccount.findByOrFail('institutionId', institutionId)
    assert.equal(account.reportedBalanceFen, 0)
    assert.deepEqual(await new Reconcile().account(account), [])
    await assertLedgerClean(assert)

    /* The parent's statement shows the same figures. */
    const page = await client.get(`/parent/orders/${order.id}`).loginAs(await userOf(parent.id))
    page.assertStatus(200)
    assert.include(page.text(), `¥${formatYuan(order.amountFen)}`)
    assert.include(page.text(), `¥${formatYuan(done.refundedFen)}`)
  }).timeout(60_000)
})
