import testUtils from '@adonisjs/core/services/test_utils'
import { test } from '@japa/runner'
import fc from 'fast-check'
import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/exceptions/domain_error'
import { AnswerClass, AutoConfirmClasses, RecordClass } from '../../actions/classes.js'
import { ApplyChannelNotice } from '../../actions/apply_channel_notice.js'
import { RecordBankMovements } from '../../actions/record_bank_movements.js'
import { CreateOrder } from '../../actions/create_order.js'
import { ExpireOrders } from '../../actions/expire_orders.js'
import { DecideRefund } from '../../actions/decide_refund.js'
import { RequestRefund } from '../../actions/request_refund.js'
import { accounts, balanceOf } from '../../ledger/ledger.js'
import BankInstruction from '../../models/bank_instruction.js'
import Consumption from '../../models/consumption.js'
import Order from '../../models/order.js'
import Payment from '../../models/payment.js'
import PaymentReturn from '../../models/payment_return.js'
import Refund from '../../models/refund.js'
import { businessNumber } from '../../services/numbers.js'
import { signedNotice } from '../../testing.js'
import { accountOf, assertLedgerClean, movement, orderFixture } from './helpers.js'

type Op =
  | { kind: 'pay' | 'lapse' | 'charge' | 'record' | 'silence' | 'bank' }
  | { kind: 'callback'; pick: number; repeat: boolean }
  | { kind: 'confirm' | 'dispute'; pick: number }
  | { kind: 'refund'; classes: number }
  | { kind: 'decide'; approve: boolean }
  | { kind: 'channel'; succeed: boolean }

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.constantFrom<Op>(
    { kind: 'pay' },
    { kind: 'lapse' },
    { kind: 'charge' },
    { kind: 'record' },
    { kind: 'record' },
    { kind: 'silence' },
    { kind: 'bank' }
  ),
  fc.record({ kind: fc.constant('callback' as const), pick: fc.nat(10), repeat: fc.boolean() }),
  fc.record({ kind: fc.constantFrom('confirm' as const, 'dispute' as const), pick: fc.nat(10) }),
  fc.record({ kind: fc.constant('refund' as const), classes: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('decide' as const), approve: fc.boolean() }),
  fc.record({ kind: fc.constant('channel' as const), succeed: fc.boolean() })
)

/*
| Issue 13's money-journey property: whatever the interleaving of paying,
| late and repeated callbacks, lapsing, new charges, classes, answers,
| refunds and bank reports, for every order what the parent paid equals
| released + refunded + refunding + held, to the fen; every fen the channel
| took is either on an order or being returned; no class is paid twice;
| the ledger agrees and stays balanced.
*/
test.group('Money journey properties', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('random interleavings keep what the parent paid = released + refunded + held for every order', async ({
    assert,
  }) => {
    let runs = 0
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 6, maxLength: 22 }), async (ops) => {
        runs++
        const { parent, owner, contractId, institutionId } = await orderFixture()
        const { account, bank } = await accountOf(institutionId)
        const cashiers: { payment: Payment; txn: string }[] = []
        let bankBalance = 0
        for (const step of ops) {
          try {
            const orders = await Order.query().where('contractId', contractId).orderBy('chargeNo')
            const open = orders.find((o) => o.status === 'awaiting_payment')
            const paying = orders.find(
              (o) => o.paidFen > 0 && ['paid', 'in_progress', 'refunding'].includes(o.status)
            )
            switch (step.kind) {
              case 'pay':
                /* One open cashier per charge (the index the platform relies on); a lapsed charge's closed one may still be paid late. */
                if (
                  open &&
                  !(await Payment.query()
                    .where('orderId', open.id)
                    .where('status', 'pending')
                    .first())
                ) {
                  cashiers.push({
                    payment: await Payment.create({
                      number: businessNumber('P'),
                      orderId: open.id,
                      consumptionId: null,
                      provider: 'sandbox',
                      amountFen: open.amountFen,
                      status: 'pending',
                    }),
                    txn: `T${randomUUID()}`,
                  })
                }
                break
              case 'callback': {
                const cashier = cashiers[step.pick % Math.max(1, cashiers.length)]
                if (!cashier) break
                const txn = step.repeat ? cashier.txn : `T${randomUUID()}`
                await new ApplyChannelNotice().handle(
                  'sandbox',
                  signedNotice({
                    event: 'payment.succeeded',
                    out_trade_no: cashier.payment.number,
                    transaction_id: txn,
                    amount_fen: cashier.payment.amountFen,
                  })
                )
                break
              }
              case 'lapse':
                await new ExpireOrders().handle(new Date(Date.now() + 31 * 60_000))
                break
              case 'charge':
                await new CreateOrder().handle(parent.user, contractId)
                break
              case 'record': {
                const next =
                  ((
                    await Consumption.query()
                      .where('contractId', contractId)
                      .max('class_no as n')
                      .first()
                  )?.$extras.n ?? 0) + 1
                await new RecordClass().handle(owner.user, { contractId, classNo: next })
                break
              }
              case 'confirm':
              case 'dispute': {
                const classes = await Consumption.query()
                  .where('contractId', contractId)
                  .whereIn(
                    'status',
                    step.kind === 'confirm' ? ['pending', 'disputed'] : ['pending']
                  )
                  .orderBy('id')
                const target = classes[step.pick % Math.max(1, classes.length)]
                if (target && step.kind === 'confirm')
                  await new AnswerClass().confirm(parent.user, target.id)
                if (target && step.kind === 'dispute')
                  await new AnswerClass().dispute(parent.user, target.id, '有异议')
                break
              }
              case 'silence':
                await new AutoConfirmClasses().handle('2099-01-01')
                break
              case 'refund':
                if (paying)
                  await new RequestRefund().handle(parent.user, paying.id, {
                    classes: step.classes,
                    reason: '随机退费',
                  })
                break
              case 'decide': {
                const asked = await Refund.query()
                  .where('institutionId', institutionId)
                  .where('status', 'requested')
                  .first()
                if (asked)
                  await new DecideRefund().handle(owner.user, asked.id, {
                    approve: step.approve,
                    reason: step.approve ? null : '不同意',
                  })
                break
              }
              case 'channel': {
                const refunding = await Refund.query()
                  .where('institutionId', institutionId)
                  .where('status', 'refunding')
                  .first()
                const payment = refunding
                  ? await Payment.query()
                      .where('orderId', refunding.orderId)
                      .where('status', 'succeeded')
                      .first()
                  : null
                if (refunding && payment)
                  await new ApplyChannelNotice().handle(
                    'sandbox',
                    signedNotice({
                      event: step.succeed ? 'refund.succeeded' : 'refund.failed',
                      out_trade_no: payment.number,
                      out_refund_no: refunding.number,
                      amount_fen: refunding.amountFen,
                    })
                  )
                break
              }
              case 'bank': {
                const report = []
                for (const p of await Payment.query()
                  .whereIn(
                    'orderId',
                    orders.map((o) => o.id)
                  )
                  .where('status', 'succeeded')
                  .whereNull('settledMovementId')) {
                  bankBalance += p.amountFen
                  report.push(
                    movement(account.accountNumber, 'credit', p.amountFen, bankBalance, p.number)
                  )
                }
                const sent = await BankInstruction.query()
                  .where('supervisedAccountId', account.id)
                  .where('status', 'sent')
                  .orderBy('id')
                  .first()
                if (sent && bankBalance >= sent.amountFen) {
                  bankBalance -= sent.amountFen
                  report.push(
                    movement(
                      account.accountNumber,
                      'debit',
                      sent.amountFen,
                      bankBalance,
                      sent.number
                    )
                  )
                }
                if (report.length) await new RecordBankMovements().handle(bank, report)
                break
              }
            }
          } catch (error) {
            if (!(error instanceof DomainError)) throw error
          }

          const orders = await Order.query().where('contractId', contractId)
          const ids = orders.map((o) => o.id)
          for (const o of orders) {
            assert.equal(
              o.paidFen,
              o.releasedFen + o.refundedFen + o.refundingFen + o.heldFen,
              `order ${o.number} after ${step.kind}`
            )
            assert.isAtLeast(o.heldFen, 0)
            assert.isTrue(
              o.paidFen === 0 || o.paidFen === o.amountFen,
              `a charge is paid once and whole (${o.number})`
            )
          }
          /* Every fen the channel took is on an order or on its way back to the parent. */
          const taken = await Payment.query()
            .whereIn('orderId', ids)
            .whereIn('status', ['succeeded', 'returned'])
          const returned = await PaymentReturn.query().whereIn('orderId', ids)
          const sum = (xs: { amountFen: number }[]) => xs.reduce((n, x) => n + x.amountFen, 0)
          assert.equal(
            sum(taken),
            orders.reduce((n, o) => n + o.paidFen, 0) + sum(returned),
            `taken = on orders + returned after ${step.kind}`
          )
          /* No class is paid for twice. */
          const covered = orders
            .filter((o) => o.paidFen > 0)
            .flatMap((o) => Array.from({ length: o.classCount }, (_, i) => o.firstClass + i))
          assert.equal(
            new Set(covered).size,
            covered.length,
            `a class paid twice after ${step.kind}`
          )
          /* The ledger says the same per institution account. */
          assert.equal(
            await balanceOf(db, accounts.supervised(institutionId)),
            orders.reduce((n, o) => n + o.heldFen, 0)
          )
          assert.equal(
            await balanceOf(db, accounts.refunding(institutionId)),
            orders.reduce((n, o) => n + o.refundingFen, 0)
          )
          assert.equal(
            (await balanceOf(db, accounts.releasing(institutionId))) +
              (await balanceOf(db, accounts.institution(institutionId))),
            orders.reduce((n, o) => n + o.releasedFen, 0)
          )
        }
        await assertLedgerClean(assert)
      }),
      {
        numRuns: Number(process.env.FUNDS_PROPERTY_RUNS ?? 25),
        seed: process.env.FUNDS_PROPERTY_SEED ? Number(process.env.FUNDS_PROPERTY_SEED) : undefined,
      }
    )
    assert.isAtLeast(runs, 1)
  }).timeout(300_000)
})
