/*
| Demo data for the funds module, made through the module's own actions so
| the ledger is exactly what real use would produce: every signed demo
| contract gets its first order, paid through a signed channel callback;
| the bank reports most payments arriving; classes already held by their
| timetable date are recorded, most confirmed and released; a few families
| ask for refunds (pending, approved and paid back); one institution's
| supervised account loses money without an instruction, which the
| reconciliation flags. Never run in production.
*/
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import { CurrentUserProvider, type CurrentUser, attachOrganization } from '#modules/identity'
import { ApplyChannelNotice } from '../actions/apply_channel_notice.js'
import { RecordBankMovements } from '../actions/record_bank_movements.js'
import { AnswerClass, RecordClass } from '../actions/classes.js'
import { CreateOrder } from '../actions/create_order.js'
import { Reconcile } from '../actions/reconcile.js'
import { DecideRefund } from '../actions/decide_refund.js'
import { RequestRefund } from '../actions/request_refund.js'
import { sandboxSettings } from '../channels/setup.js'
import { signPayload, unixSeconds } from '../channels/signing.js'
import Bank from '../models/bank.js'
import BankInstruction from '../models/bank_instruction.js'
import Order from '../models/order.js'
import Payment from '../models/payment.js'
import Refund from '../models/refund.js'
import SupervisedAccount from '../models/supervised_account.js'
import { businessNumber } from '../services/numbers.js'
import { bankNamed } from '../services/supervised_accounts.js'

const user = async (id: number): Promise<CurrentUser> =>
  (await new CurrentUserProvider().findById(id))!.getOriginal()

function notice(payload: Record<string, unknown>) {
  const body = JSON.stringify({
    notice_id: randomUUID(),
    occurred_at: new Date().toISOString(),
    ...payload,
  })
  const timestamp = unixSeconds()
  return {
    headers: {
      'x-sandbox-timestamp': timestamp,
      'x-sandbox-signature': signPayload(sandboxSettings().secret, timestamp, body),
    },
    body,
  }
}

/** The bank's side, as the sandbox bank would report it: running balance per account. */
const balances = new Map<number, number>()
async function report(
  account: SupervisedAccount,
  direction: 'credit' | 'debit',
  amountFen: number,
  reference: string | null
) {
  const balance =
    (balances.get(account.id) ?? account.reportedBalanceFen ?? 0) +
    (direction === 'credit' ? amountFen : -amountFen)
  balances.set(account.id, balance)
  const bank = await Bank.findOrFail(account.bankId)
  await new RecordBankMovements().handle(bank, [
    {
      bank_txn_id: `DEMO${randomUUID().slice(0, 16)}`,
      account_number: account.accountNumber,
      direction,
      amount_fen: amountFen,
      balance_after_fen: balance,
      reference,
      occurred_at: new Date().toISOString(),
    },
  ])
}

export async function seedFundsDemo(options: {
  bankOperatorId?: number
  bankName?: string
  parentId?: number
}): Promise<{ orders: number; refunds: number; anomalies: number }> {
  if (app.inProduction) throw new Error('Demo data is never created in production')
  if (await Order.query().first()) return { orders: 0, refunds: 0, anomalies: 0 }
  const contracts = await db
    .from('contracts')
    .where('status', 'signed')
    .orderBy('id')
    .select('id', 'parent_user_id', 'institution_id')
  let orders = 0
  let refunds = 0
  let demoParentContracts = 0
  for (const [i, row] of contracts.entries()) {
    /* The demo parent's second contract is left for whoever tries the demo to pay. */
    if (row.parent_user_id === options.parentId && demoParentContracts++ > 0) continue
    const parent = await user(row.parent_user_id)
    const order = await new CreateOrder().handle(parent, row.id).catch((error) => {
      console.warn(
        `demo order skipped for contract ${row.id}: ${error.messageKey ?? error.message}`
      )
      return null
    })
    if (!order) continue
    orders++
    if (i % 9 === 8) continue /* left awaiting payment */
    const payment = await Payment.create({
      number: businessNumber('P'),
      orderId: order.id,
      consumptionId: null,
      provider: 'sandbox',
      amountFen: order.amountFen,
      status: 'pending',
    })
    await new ApplyChannelNotice().handle(
      'sandbox',
      notice({
        event: 'payment.succeeded',
        out_trade_no: payment.number,
        transaction_id: `SBXT${Date.now()}${i}`,
        amount_fen: payment.amountFen,
      })
    )
    const account = await SupervisedAccount.findByOrFail('institutionId', order.institutionId)
    /* Now and then the channel's settlement has not reached the bank yet: the bank then has nothing to pay out from. */
    const settled = i % 11 !== 10
    if (settled) await report(account, 'credit', payment.amountFen, payment.number)

    /* Classes whose timetable date has passed were held; most parents confirmed them. */
    /* The owner: only owners decide refunds. */
    const owner = await db
      .from('users')
      .where('org_type', 'institution')
      .where('org_id', order.institutionId)
      .where('role', 'institution_owner')
      .first()
    const actor = owner ? await user(owner.id) : null
    const recorder = actor ?? { id: null, orgId: order.institutionId }
    const dates: string[] = (
      await db.from('contracts').where('id', row.id).select('content').first()
    ).content.timetable.map((r: string[]) => r[1])
    const today = DateTime.now().setZone('Asia/Shanghai').toISODate()!
    for (
      let n = order.firstClass;
      n <= order.lastClass && dates[n - 1] && dates[n - 1]! <= today;
      n++
    ) {
      /* Today's class may not have started yet: it is recorded once it has. */
      const c = await new RecordClass()
        .handle(recorder, { contractId: row.id, classNo: n, heldOn: dates[n - 1] })
        .catch((error) => {
          if (error?.messageKey === 'funds.classes.not_started') return null
          throw error
        })
      if (!c) break
      if ((n + i) % 5 === 0)
        await new AnswerClass().dispute(parent, c.id, '当天临时停课，机构未补课')
      else if ((n + i) % 4 !== 0) await new AnswerClass().confirm(parent, c.id)
    }
    /* The bank executes the release instructions it has been sent. */
    for (const instruction of settled
      ? await BankInstruction.query()
          .where('supervisedAccountId', account.id)
          .where('status', 'sent')
          .where('kind', 'release')
      : []) {
      await report(account, 'debit', instruction.amountFen, instruction.number)
    }
    if (i % 7 === 3) {
      const refund = await new RequestRefund()
        .handle(parent, order.id, { reason: '孩子学业安排调整，申请退还未上课时费用' })
        .catch(() => null)
      if (refund) refunds++
      if (refund && refund.status === 'requested' && i % 2 === 1 && actor)
        await new DecideRefund().handle(actor, refund.id, {
          approve: true,
          reason: '同意按合同退还未消课时费用',
        })
      const paying = refund ? await Refund.find(refund.id) : null
      if (paying?.status === 'refunding') {
        await new ApplyChannelNotice().handle(
          'sandbox',
          notice({
            event: 'refund.succeeded',
            out_trade_no: payment.number,
            out_refund_no: paying.number,
            amount_fen: paying.amountFen,
          })
        )
        const instruction = await BankInstruction.query().where('refundId', paying.id).first()
        if (instruction && settled)
          await report(account, 'debit', instruction.amountFen, instruction.number)
      }
    }
  }

  /* One supervised account loses money without an instruction: what reconciliation exists for. */
  const victim = await SupervisedAccount.query()
    .whereNotNull('reportedBalanceFen')
    .where('reportedBalanceFen', '>', 100_000)
    .orderBy('id', 'desc')
    .first()
  if (victim) await report(victim, 'debit', 80_000, '对外转账')
  const { raised } = await new Reconcile().all()

  /* The demo bank operator works at the branch that holds Changchun accounts. */
  if (options.bankOperatorId && options.bankName) {
    const bank = await bankNamed(options.bankName, '220100')
    await attachOrganization(options.bankOperatorId, 'bank', bank.id)
  }
  console.log(`Funds demo data: ${orders} orders, ${refunds} refund requests, ${raised} anomalies`)
  return { orders, refunds, anomalies: raised }
}
