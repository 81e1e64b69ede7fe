/*
| Sends the parent to the channel's cashier for an order. The payment row
| is written first, so a callback can never arrive for a payment the
| platform does not know.
*/
import env from '#start/env'
import { DateTime } from 'luxon'
import { DomainError } from '#kernel/exceptions/domain_error'
import { channelNamed } from '../channels/channel.js'
import Bank from '../models/bank.js'
import type Order from '../models/order.js'
import Payment from '../models/payment.js'
import { businessNumber } from '../services/numbers.js'
import { supervisedAccountOf } from '../services/supervised_accounts.js'

export const notifyUrl = (provider: string) => `${env.get('APP_URL')}/api/pay/notify/${provider}`

export class StartPayment {
  async handle(order: Order, subject: string, options: { consumptionId?: number; amountFen?: number } = {}): Promise<Payment> {
    const forClass = options.consumptionId !== undefined
    if (!forClass && (order.status !== 'awaiting_payment' || (order.expiresAt && order.expiresAt < DateTime.now()))) throw new DomainError('funds.orders.not_payable')
    const pending = await Payment.query().where('orderId', order.id).where('status', 'pending').where((q) => (forClass ? q.where('consumptionId', options.consumptionId!) : q.whereNull('consumptionId'))).first()
    if (pending?.payUrl) return pending
    const account = await supervisedAccountOf(order.institutionId)
    const bank = await Bank.findOrFail(account.bankId)
    const payment =
      pending ??
      (await Payment.create({
        number: businessNumber('P'),
        orderId: order.id,
        consumptionId: options.consumptionId ?? null,
        provider: order.provider,
        amountFen: options.amountFen ?? order.amountFen,
        status: 'pending',
      }))
    const { payUrl } = await channelNamed(order.provider).createPayment({
      number: payment.number,
      amountFen: payment.amountFen,
      subject,
      notifyUrl: notifyUrl(order.provider),
      returnUrl: `${env.get('APP_URL')}/parent/orders/${order.id}`,
      /* "Learn first, pay later" money is the institution's at once; prepaid money goes to supervision. */
      settleTo: order.mode === 'prepaid' ? { bankName: bank.name, accountNumber: account.accountNumber } : null,
    })
    payment.payUrl = payUrl
    await payment.save()
    return payment
  }
}
