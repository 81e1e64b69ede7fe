import testUtils from '@adonisjs/core/services/test_utils'
import { test } from '@japa/runner'
import fc from 'fast-check'
import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/exceptions/domain_error'
import { AnswerClass, AutoConfirmClasses, RecordClass } from '../../actions/classes.js'
import { ApplyChannelNotice } from '../../actions/apply_channel_notice.js'
import { RecordBankMovements } from '../../actions/record_bank_movements.js'
import { Reconcile } from '../../actions/reconcile.js'
import { DecideRefund } from '../../actions/decide_refund.js'
import { RequestRefund } from '../../actions/request_refund.js'
import { accounts, balanceOf } from '../../ledger/ledger.js'
import BankInstruction from '../../models/bank_instruction.js'
import Consumption from '../../models/consumption.js'
import Order from '../../models/order.js'
import Payment from '../../models/payment.js'
import Refund from '../../models/refund.js'
import { payOrder, signedNotice } from '../../testing.js'
import { accountOf, assertLedgerClean, movement, orderFixture } from './helpers.js'

type Op =
  | { kind: 'record' }
  | { kind: 'confirm' | 'dispute'; pick: number }
  | { kind: 'silence' }
  | { kind: 'refund'; classes: number }
  | { kind: 'decide'; approve: boolean }
  | { kind: 'channel'; succeed: boolean }
  | { kind: 'bank'; rogue: boolean }
  | { kind: 'reconcile' }

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.constant({ kind: 'record' as const }),
  fc.record({ kind: fc.constantFrom('confirm' as const, 'dispute' as const), pick: fc.nat(20) }),
  fc.constant({ kind: 'silence' as const }),
  fc.record({ kind: fc.constant('refund' as const), classes: fc.integer({ min: 1, max: 14 }) }),
  fc.record({ kind: fc.constant('decide' as const), approve: fc.boolean() }),
  fc.record({ kind: fc.constant('channel' as const), succeed: fc.boolean() }),
  fc.record({ kind: fc.constant('bank' as const), rogue: fc.boolean() }),
  fc.constant({ kind: 'reconcile' as const })
)

test.group('Ledger properties', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('random sequences of payments, classes, refunds and bank movements keep the books balanced and never overdraw', async ({
    assert,
  }) => {
    let runs = 0
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 25 }), async (ops) => {
        runs++
        const { order, parent, owner, institutionId } = await orderFixture()
        const payment = await payOrder(order)
        const { account, bank } = await accountOf(institutionId)
        let bankBalance = 0
        let nextClass = 1
        for (const step of ops) {
          try {
            switch (step.kind) {
              case 'record':
                await new RecordClass().handle(owner.user, {
                  contractId: order.contractId,
                  classNo: nextClass,
                })
                nextClass++
                break
              case 'confirm':
              case 'dispute': {
                const open = await Consumption.query()
                  .where('orderId', order.id)
                  .whereIn(
                    'status',
                    step.kind === 'confirm' ? ['pending', 'disputed'] : ['pending']
                  )
                  .orderBy('id')
                if (!open.length) break
                const target = open[step.pick % open.length]!
                if (step.kind === 'confirm') await new AnswerClass().confirm(parent.user, target.id)
                else await new AnswerClass().dispute(parent.user, target.id, '有异议')
                break
              }
              case 'silence':
                await new AutoConfirmClasses().handle('2099-01-01')
                break
              case 'refund':
                await new RequestRefund().handle(parent.user, order.id, {
                  classes: step.classes,
                  reason: '随机退费',
                })
                break
              case 'decide': {
                const open = await Refund.query()
                  .where('orderId', order.id)
                  .where('status', 'requested')
                  .first()
                if (open)
                  await new DecideRefund().handle(owner.user, open.id, {
                    approve: step.approve,
                    reason: step.approve ? null : '不同意',
                  })
                break
              }
              case 'channel': {
                const open = await Refund.query()
                  .where('orderId', order.id)
                  .where('status', 'refunding')
                  .first()
                if (open)
                  await new ApplyChannelNotice().handle(
                    'sandbox',
                    signedNotice({
                      event: step.succeed ? 'refund.succeeded' : 'refund.failed',
                      out_trade_no: payment.number,
                      out_refund_no: open.number,
                      amount_fen: open.amountFen,
                    })
                  )
                break
              }
              case 'bank': {
                const settled = await Payment.findOrFail(payment.id)
                const report = []
                if (!settled.settledMovementId) {
                  bankBalance += payment.amountFen
                  report.push(
                    movement(
                      account.accountNumber,
                      'credit',
                      payment.amountFen,
                      bankBalance,
                      payment.number
                    )
                  )
                }
                const sent = await BankInstruction.query()
                  .where('supervisedAccountId', account.id)
                  .where('status', 'sent')
                  .orderBy('id')
                  .first()
                if (step.rogue && bankBalance >= 100) {
                  bankBalance -= 100
                  report.push(movement(account.accountNumber, 'debit', 100, bankBalance, null))
                } else if (sent && bankBalance >= sent.amountFen) {
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
              case 'reconcile':
                await new Reconcile().account(await account.refresh())
                break
            }
          } catch (error) {
            if (!(error instanceof DomainError)) throw error
          }
          const fresh = await Order.findOrFail(order.id)
          assert.isAtLeast(fresh.heldFen, 0)
          assert.isAtMost(fresh.classesConsumed + fresh.classesRefunded, fresh.classCount)
          assert.equal(
            await balanceOf(db, accounts.supervised(institutionId)),
            fresh.heldFen,
            `supervised balance = held after ${step.kind}`
          )
          assert.equal(await balanceOf(db, accounts.refunding(institutionId)), fresh.refundingFen)
          /* Money and classes tell the same story: what is held pays for the classes neither refunded nor released. */
          assert.equal(
            fresh.heldFen,
            (fresh.classCount - fresh.classesRefunded) * fresh.pricePerClassFen - fresh.releasedFen,
            `held fen match the classes after ${step.kind}`
          )
          assert.isAtMost(fresh.releasedFen, fresh.classesConsumed * fresh.pricePerClassFen)
        }
        await assertLedgerClean(assert)
      }),
      {
        numRuns: Number(process.env.FUNDS_PROPERTY_RUNS ?? 25),
        seed: process.env.FUNDS_PROPERTY_SEED ? Number(process.env.FUNDS_PROPERTY_SEED) : undefined,
      }
    )
    assert.isAtLeast(runs, 1)
  }).timeout(240_000)
})
