import testUtils from '@adonisjs/core/services/test_utils'
import { test } from '@japa/runner'
import { drainOutbox } from '#kernel/shared/outbox_drain'
import { createTestAccount } from '#testing/identity'
import { deliveriesOf, inboxOf } from '#testing/messages'
import { RecordClass } from '../../actions/classes.js'
import { ApplyChannelNotice } from '../../actions/apply_channel_notice.js'
import { DecideRefund } from '../../actions/decide_refund.js'
import { RefundAllUnconsumed } from '../../actions/refund_all_unconsumed.js'
import { RequestRefund } from '../../actions/request_refund.js'
import { SettleOverdueRefunds } from '../../actions/settle_overdue_refunds.js'
import { WithdrawRefund } from '../../actions/withdraw_refund.js'
import type Payment from '../../models/payment.js'
import type Refund from '../../models/refund.js'
import { payOrder, signedNotice } from '../../testing.js'
import { orderFixture } from './helpers.js'

/*
| Every step of a refund is told to the parent (issue 15): one
| refund_update each, announced in the step's transaction and queued after
| its commit, with the amount of that step (¥120.00 a class in the
| fixture).
*/

/** A paid order whose first class was taken, so a refund needs the institution's answer. */
async function started() {
  const world = await orderFixture()
  const payment = await payOrder(world.order)
  await new RecordClass().handle(world.owner.user, { contractId: world.contractId, classNo: 1 })
  return { ...world, payment }
}

/** The refund_update texts queued for a parent, oldest first, as the log keeps them. */
async function refundTexts(parentUserId: number): Promise<string[]> {
  /* Each step's announcement is delivered after its commit; the drain makes sure it has been. */
  await drainOutbox()
  return (await deliveriesOf('refund_update'))
    .filter((row) => Number(row.recipient_user_id) === parentUserId)
    .map((row) => row.body_masked)
}

function channelSays(
  payment: Payment,
  refund: Refund,
  event: 'refund.succeeded' | 'refund.failed'
) {
  return new ApplyChannelNotice().handle(
    'sandbox',
    signedNotice({
      event,
      out_trade_no: payment.number,
      out_refund_no: refund.number,
      amount_fen: refund.amountFen,
    })
  )
}

test.group('Every refund step is told to the parent', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('requested, agreed by the institution and the money back: three messages, each with its amount', async ({
    assert,
  }) => {
    const w = await started()
    const refund = await new RequestRefund().handle(w.parent.user, w.order.id, {
      classes: 2,
      reason: '孩子转学',
    })
    let texts = await refundTexts(w.parent.id)
    assert.lengthOf(texts, 1)
    assert.include(texts[0]!, '（¥240.00）已受理')
    assert.include(texts[0]!, `机构须于${refund.answerDueOn.toISODate()}前答复`)
    assert.include(texts[0]!, `/parent/orders/${w.order.id}`)

    await new DecideRefund().handle(w.owner.user, refund.id, { approve: true, reason: null })
    texts = await refundTexts(w.parent.id)
    assert.lengthOf(texts, 2)
    assert.include(texts[1]!, '（¥240.00）机构已同意，款项正原路退回')

    await refund.refresh()
    assert.equal((await channelSays(w.payment, refund, 'refund.succeeded')).outcome, 'applied')
    /* The channel repeats itself: the step is told once. */
    assert.equal((await channelSays(w.payment, refund, 'refund.succeeded')).outcome, 'duplicate')
    texts = await refundTexts(w.parent.id)
    assert.lengthOf(texts, 3)
    assert.include(texts[2]!, '（¥240.00）已原路退回')

    const inbox = (await inboxOf(w.parent.id)).filter((row) => row.kind === 'refund_update')
    assert.lengthOf(inbox, 3)
    assert.deepEqual(
      inbox.map((row) => row.params.yuan),
      ['240.00', '240.00', '240.00']
    )
    assert.isTrue(inbox.every((row) => row.link === `/parent/orders/${w.order.id}`))
  })

  test('a decline never quotes the institution’s words in a text: the reason is on the order page', async ({
    assert,
  }) => {
    const w = await started()
    const reason = '请加微信 tk8888 办理全额退款，按合同第八条不予退费'
    const first = await new RequestRefund().handle(w.parent.user, w.order.id, { reason: '想退' })
    await new DecideRefund().handle(w.owner.user, first.id, { approve: false, reason })
    const second = await new RequestRefund().handle(w.parent.user, w.order.id, {
      classes: 1,
      reason: '再申请',
    })
    await new DecideRefund().handle(w.owner.user, second.id, {
      approve: false,
      reason: '详见 https://example.com/rules',
    })
    const texts = await refundTexts(w.parent.id)
    assert.lengthOf(texts, 4)
    assert.include(texts[1]!, '（¥1320.00）机构未同意，理由请登录查看')
    assert.notInclude(texts[1]!, 'tk8888')
    assert.include(texts[3]!, '（¥120.00）机构未同意，理由请登录查看')
    assert.notInclude(texts[3]!, 'example.com')
  })

  test('agreed by silence past the deadline, withdrawn, before the first class, refused by the channel', async ({
    assert,
  }) => {
    const w = await started()
    const overdue = await new RequestRefund().handle(w.parent.user, w.order.id, {
      classes: 3,
      reason: '搬家',
    })
    await new SettleOverdueRefunds().handle(overdue.answerDueOn.plus({ days: 1 }).toISODate()!)
    let texts = await refundTexts(w.parent.id)
    assert.lengthOf(texts, 2)
    assert.include(texts[1]!, '（¥360.00）机构逾期未答复视为同意，款项正原路退回')
    await overdue.refresh()
    assert.equal((await channelSays(w.payment, overdue, 'refund.failed')).outcome, 'applied')
    texts = await refundTexts(w.parent.id)
    assert.lengthOf(texts, 3)
    assert.include(texts[2]!, '（¥360.00）原路退回未成功，款项已回到监管账户')

    const withdrawn = await new RequestRefund().handle(w.parent.user, w.order.id, {
      classes: 1,
      reason: '先不退了',
    })
    await new WithdrawRefund().handle(w.parent.user, withdrawn.id)
    texts = await refundTexts(w.parent.id)
    assert.lengthOf(texts, 5)
    assert.include(texts[4]!, '（¥120.00）已由您撤回')

    /* Before any class: acknowledged and sent back at once, one message for the one step. */
    const fresh = await orderFixture()
    await payOrder(fresh.order)
    await new RequestRefund().handle(fresh.parent.user, fresh.order.id, { reason: '时间冲突' })
    const freshTexts = await refundTexts(fresh.parent.id)
    assert.lengthOf(freshTexts, 1)
    assert.include(freshTexts[0]!, '（¥1440.00）开课前申请全额退费，款项正原路退回')
  })

  test('the bureau refunding a stopped institution tells each parent, with what is left of theirs', async ({
    assert,
  }) => {
    const w = await started()
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
      unitName: '长春市朝阳区教育局',
    })
    const result = await new RefundAllUnconsumed().handle(
      county.user,
      w.institutionId,
      '现场核查已停业，负责人失联'
    )
    assert.equal(result.refunds, 1)
    const texts = await refundTexts(w.parent.id)
    assert.lengthOf(texts, 1)
    assert.include(texts[0]!, '（¥1320.00）教育部门已责令退还，款项正原路退回')
  })
})
