/*
| Sends the parent to the channel's cashier for an order, or for one class
| of a "learn first, pay later" order. The payment row is written first, so
| a callback can never arrive for a payment the platform does not know.
| One open payment per charge and per class: creation takes a lock on the
| order, and a request that loses the race (two tabs, thirty taps on a slow
| phone) gets the payment that won it; the partial unique indexes
| `payments_one_pending_per_order` and `payments_one_pending_per_class`
| hold the same rule in the database.
*/
import env from '#start/env'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { DomainError } from '#kernel/exceptions/domain_error'
import { isUniqueViolation } from '#kernel/shared/db_errors'
import { channelNamed } from '../channels/channel.js'
import Bank from '../models/bank.js'
import Consumption from '../models/consumption.js'
import Order from '../models/order.js'
import Payment from '../models/payment.js'
import { businessNumber } from '../services/numbers.js'
import { supervisedAccountOf } from '../services/supervised_accounts.js'
import { assertChargeable } from '../services/sale_continues.js'

export const notifyUrl = (provider: string) => `${env.get('APP_URL')}/api/pay/notify/${provider}`

export class StartPayment {
  async handle(
    order: Order,
    subject: string,
    options: { consumptionId?: number } = {}
  ): Promise<Payment> {
    /*
    | An order made before a sales freeze is still a new sale until paid:
    | the cashier is refused too. A class already taken under "learn
    | first, pay later" is owed whatever happened since, so it is paid.
    */
    if (!options.consumptionId) await assertChargeable(order.contractId)
    const account = await supervisedAccountOf(order.institutionId)
    const bank = await Bank.findOrFail(account.bankId)
    const payment = await this.#openPayment(order.id, options).catch(async (error) => {
      /* Only a writer outside this lock (none today) could lose here; the row that won is the answer. */
      if (!isUniqueViolation(error)) throw error
      return this.#pending(db, order.id, options.consumptionId)
    })
    if (!payment) throw new DomainError('funds.orders.not_payable')
    if (payment.payUrl) return payment
    /* The channel keys on the payment number: two requests asking for the same cashier get the same one. */
    const { payUrl } = await channelNamed(order.provider).createPayment({
      number: payment.number,
      amountFen: payment.amountFen,
      subject,
      notifyUrl: notifyUrl(order.provider),
      returnUrl: `${env.get('APP_URL')}/parent/orders/${order.id}`,
      /* "Learn first, pay later" money is the institution's at once; prepaid money goes to supervision. */
      settleTo:
        order.mode === 'prepaid'
          ? { bankName: bank.name, accountNumber: account.accountNumber }
          : null,
    })
    await Payment.query().where('id', payment.id).whereNull('payUrl').update({ pay_url: payUrl })
    payment.payUrl = payUrl
    return payment
  }

  /** Under the order's row lock: the open payment if there is one, else a new one. */
  async #openPayment(
    orderId: number,
    options: { consumptionId?: number }
  ): Promise<Payment | null> {
    return db.transaction(async (trx) => {
      const order = await Order.query({ client: trx })
        .where('id', orderId)
        .forUpdate()
        .firstOrFail()
      let amountFen = order.amountFen
      if (options.consumptionId !== undefined) {
        const consumption = await Consumption.query({ client: trx })
          .where('id', options.consumptionId)
          .where('orderId', orderId)
          .first()
        if (
          order.mode !== 'pay_later' ||
          !consumption ||
          consumption.releasedAt ||
          consumption.status === 'disputed'
        )
          throw new DomainError('funds.classes.nothing_to_pay')
        amountFen = consumption.feeFen
      } else if (
        order.status !== 'awaiting_payment' ||
        (order.expiresAt && order.expiresAt < DateTime.now())
      ) {
        throw new DomainError('funds.orders.not_payable')
      }
      const pending = await this.#pending(trx, orderId, options.consumptionId)
      if (pending) return pending
      return Payment.create(
        {
          number: businessNumber('P'),
          orderId,
          consumptionId: options.consumptionId ?? null,
          provider: order.provider,
          amountFen,
          status: 'pending',
        },
        { client: trx }
      )
    })
  }

  #pending(client: any, orderId: number, consumptionId: number | undefined) {
    return Payment.query({ client })
      .where('orderId', orderId)
      .where('status', 'pending')
      .where((q) =>
        consumptionId !== undefined
          ? q.where('consumptionId', consumptionId)
          : q.whereNull('consumptionId')
      )
      .first()
  }
}
