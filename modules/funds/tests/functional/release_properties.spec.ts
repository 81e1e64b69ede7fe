import testUtils from '@adonisjs/core/services/test_utils'
import { test } from '@japa/runner'
import fc from 'fast-check'
import db from '@adonisjs/lucid/services/db'
import { definePlugin } from '#plugin_sdk'
import { pluginHost } from '#kernel/plugins/plugin_host'
import { DomainError } from '#kernel/exceptions/domain_error'
import { todayIso } from '#kernel/shared/dates'
import { addWorkingDays } from '#kernel/shared/working_days'
import { contractSummary } from '#modules/catalog'
import { AnswerClass, RecordClass } from '../../actions/classes.js'
import { ApplyChannelNotice } from '../../actions/apply_channel_notice.js'
import { DecideRefund } from '../../actions/decide_refund.js'
import { RequestRefund } from '../../actions/request_refund.js'
import { ReleaseHeldFees } from '../../actions/release_held_fees.js'
import { accounts, balanceOf } from '../../ledger/ledger.js'
import Consumption from '../../models/consumption.js'
import Order from '../../models/order.js'
import Refund from '../../models/refund.js'
import { payOrder, signedNotice } from '../../testing.js'
import { retainAFifth } from '../release_rules.js'
import { assertLedgerClean, orderFixture } from './helpers.js'

/*
| The books under a retaining release schedule: random classes, answers,
| refunds and daily ticks on random days (before the order ends, on its
| last class, after the retained fifth is due) never release a class
| beyond its fee, never refund a retained fee, and keep the order's totals,
| its classes and the ledger telling the same story.
*/
type Op =
  | { kind: 'record' }
  | { kind: 'confirm' | 'dispute'; pick: number }
  | { kind: 'refund'; classes: number; approve: boolean; settle: boolean }
  | { kind: 'tick'; day: 0 | 1 | 2 }

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.constant({ kind: 'record' as const }),
  fc.constant({ kind: 'record' as const }),
  fc.record({ kind: fc.constantFrom('confirm' as const, 'dispute' as const), pick: fc.nat(20) }),
  fc.record({
    kind: fc.constant('refund' as const),
    classes: fc.integer({ min: 1, max: 12 }),
    approve: fc.boolean(),
    settle: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('tick' as const), day: fc.constantFrom(0 as const, 1, 2) })
)

const retaining = definePlugin({
  id: 'retain_property_fixture',
  name: '保留两成（性质测试）',
  version: '0.1.0',
  platform: '^1.0.0',
  regions: ['450000'],
  rules: { 'funds.release.schedule': retainAFifth },
  pins: { 'funds.release.schedule': 2 },
})

test.group('Release schedule properties', (group) => {
  group.setup(() => {
    const installed = [...pluginHost.plugins()]
    pluginHost.install([...installed, retaining])
    return () => pluginHost.install(installed)
  })
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('random classes, refunds and ticks keep retained fees the institution’s and the books balanced', async ({
    assert,
  }) => {
    let runs = 0
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 20 }), async (ops) => {
        runs++
        const { order, parent, owner, institutionId } = await orderFixture({ regionCode: '450102' })
        const payment = await payOrder(order)
        const contract = await contractSummary(order.contractId)
        const last = contract!.classDates[order.lastClass - 1]!
        const days = [todayIso(), last, addWorkingDays(last, 16)]
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
              case 'refund': {
                const refund = await new RequestRefund().handle(parent.user, order.id, {
                  classes: step.classes,
                  reason: '随机退费',
                })
                if (refund.status === 'requested')
                  await new DecideRefund().handle(owner.user, refund.id, {
                    approve: step.approve,
                    reason: step.approve ? null : '不同意',
                  })
                const moving = await Refund.find(refund.id)
                if (step.settle && moving?.status === 'refunding')
                  await new ApplyChannelNotice().handle(
                    'sandbox',
                    signedNotice({
                      event: 'refund.succeeded',
                      out_trade_no: payment.number,
                      out_refund_no: moving.number,
                      amount_fen: moving.amountFen,
                    })
                  )
                break
              }
              case 'tick':
                await new ReleaseHeldFees().handle(days[step.day]!)
                break
            }
          } catch (error) {
            if (!(error instanceof DomainError)) throw error
          }
          const fresh = await Order.findOrFail(order.id)
          const classes = await Consumption.query().where('orderId', order.id)
          const taken = classes.filter((c) => c.status !== 'disputed')
          assert.equal(
            await balanceOf(db, accounts.supervised(institutionId)),
            fresh.heldFen,
            `supervised balance = held after ${step.kind}`
          )
          assert.equal(
            fresh.heldFen,
            fresh.unconsumedFen + taken.reduce((n, c) => n + c.feeFen - c.releasedFen, 0),
            `held = the classes left + taken fees not out, after ${step.kind}`
          )
          assert.equal(
            fresh.releasedFen,
            classes.reduce((n, c) => n + c.releasedFen, 0),
            `the order's released fen are its classes' after ${step.kind}`
          )
          for (const c of classes) {
            assert.isAtMost(c.releasedFen, c.feeFen)
            if (c.status === 'disputed' || c.status === 'pending') assert.equal(c.releasedFen, 0)
          }
          /* Refunds only ever return classes nobody took: never a retained fee. */
          assert.equal(
            fresh.refundingFen + fresh.refundedFen,
            fresh.classesRefunded * fresh.pricePerClassFen
          )
        }
        /* After the last tick day, everything a taken and confirmed class owns is out. */
        await new ReleaseHeldFees().handle(days[2]!)
        const confirmed = await Consumption.query()
          .where('orderId', order.id)
          .whereIn('status', ['confirmed', 'auto_confirmed'])
        for (const c of confirmed) assert.equal(c.releasedFen, c.feeFen)
        await assertLedgerClean(assert)
      }),
      {
        numRuns: Number(process.env.FUNDS_PROPERTY_RUNS ?? 15),
        seed: process.env.FUNDS_PROPERTY_SEED ? Number(process.env.FUNDS_PROPERTY_SEED) : undefined,
      }
    )
    assert.isAtLeast(runs, 1)
  }).timeout(240_000)
})
