/*
| Releasing part (or all) of one confirmed class's fee, inside the
| caller's transaction under the order's row lock: a bank instruction for
| the amount, the ledger posting supervised → releasing, the class's and
| the order's released totals, and the event. Each part of a class is its
| own instruction (its tranche) and its own posting key, so a repeated
| release can neither post nor instruct twice.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import { publish } from '#kernel/shared/outbox'
import { formatYuan } from '#kernel/shared/money'
import { payFromOpenAccount } from '../actions/transfer_supervised_funds.js'
import { accounts, post } from '../ledger/ledger.js'
import BankInstruction from '../models/bank_instruction.js'
import type Consumption from '../models/consumption.js'
import type Order from '../models/order.js'
import type SupervisedAccount from '../models/supervised_account.js'
import { businessNumber } from './numbers.js'

export async function releasePart(
  trx: TransactionClientContract,
  account: SupervisedAccount,
  order: Order,
  consumption: Consumption,
  fen: number
): Promise<void> {
  /* Rejected instructions still hold their part (the bureau re-issues them); reversed ones gave it back. */
  const earlier = await trx
    .from('bank_instructions')
    .where('consumption_id', consumption.id)
    .where('kind', 'release')
    .select(
      trx.raw(`count(*) FILTER (WHERE status IN ('sent', 'executed', 'rejected'))::int AS parts`),
      trx.raw(`count(*) FILTER (WHERE status = 'reversed')::int AS reversals`)
    )
    .first()
  const tranche = Number(earlier?.parts ?? 0) + 1
  const reversals = Number(earlier?.reversals ?? 0)
  const instruction = await BankInstruction.create(
    {
      number: businessNumber('I'),
      bankId: account.bankId,
      supervisedAccountId: account.id,
      kind: 'release',
      amountFen: fen,
      orderId: order.id,
      consumptionId: consumption.id,
      tranche,
      status: 'sent',
    },
    { client: trx }
  )
  /* The first part keeps the key a whole-fee release always had; a class whose release the bureau reversed is released afresh under a key of its own. */
  const part =
    tranche === 1 ? `release:${consumption.id}` : `release:${consumption.id}:part:${tranche}`
  const whole = fen === consumption.feeFen
  const posted = await post(trx, {
    kind: 'release',
    idempotencyKey: reversals ? `${part}:after-reversal:${reversals}` : part,
    memo: whole
      ? `第 ${consumption.classNo} 课次消课，释放课时费`
      : `第 ${consumption.classNo} 课次消课，释放课时费 ${formatYuan(fen)} 元（课时费 ${formatYuan(consumption.feeFen)} 元，第 ${tranche} 笔）`,
    links: { orderId: order.id, consumptionId: consumption.id, instructionId: instruction.id },
    from: accounts.supervised(order.institutionId),
    to: accounts.releasing(order.institutionId),
    amountFen: fen,
  })
  /* Unreachable under the order's lock; if it ever happens, the whole release rolls back rather than count money twice. */
  if (posted === null) throw new Error(`release ${part} of order ${order.id} was already posted`)
  await payFromOpenAccount(trx, instruction, order.institutionId)
  consumption.releasedFen += fen
  if (consumption.releasedFen === consumption.feeFen) consumption.releasedAt = DateTime.now()
  await consumption.useTransaction(trx).save()
  order.releasedFen += fen
  await publish(trx, 'funds:class_released', {
    orderId: order.id,
    consumptionId: consumption.id,
    institutionId: order.institutionId,
    regionCode: order.regionCode,
    feeFen: consumption.feeFen,
    amountFen: fen,
    heldFen: consumption.feeFen - consumption.releasedFen,
  })
}
