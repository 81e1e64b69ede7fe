import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { drainOutbox } from '#kernel/shared/outbox_drain'
import { createFiledInstitution, registerSupervisingBanks } from '#testing/registry'
import { ChangeSupervisedAccount } from '../../actions/change_supervised_account.js'
import SupervisedAccount from '../../models/supervised_account.js'
import Bank from '../../models/bank.js'
import { bankNamed, supervisedAccountOf } from '../../services/supervised_accounts.js'
import { Reconcile } from '../../actions/reconcile.js'
import { accounts, balanceOf } from '../../ledger/ledger.js'
import { payOrder } from '../../testing.js'
import { RecordBankMovements } from '../../actions/record_bank_movements.js'
import { bankHeaders, movement, orderFixture } from './helpers.js'
import BankInstruction from '../../models/bank_instruction.js'
import { AnswerClass, RecordClass } from '../../actions/classes.js'
import { DateTime } from 'luxon'

const NEW_BANK = '中国银行长春人民广场支行'

test.group('Supervised account history', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an approved supervision change closes the old account record and opens the new one', async ({
    assert,
  }) => {
    const institution = await createFiledInstitution()
    const first = await supervisedAccountOf(institution.id)
    await registerSupervisingBanks(NEW_BANK)
    const event = {
      institutionId: institution.id,
      regionCode: institution.regionCode,
      changeRequestId: 4242,
      from: {
        bank: '中国建设银行长春朝阳支行',
        account: first.accountNumber,
        escrowModel: first.escrowModel,
      },
      to: { bank: NEW_BANK, account: '6216600000012345', escrowModel: 'risk_deposit' as const },
    }
    /* Delivered through the outbox, so possibly twice and at once: one new record either way. */
    const results = await Promise.all([
      new ChangeSupervisedAccount().handle(event),
      new ChangeSupervisedAccount().handle(event),
    ])
    assert.equal(results[0]!.id, results[1]!.id)

    const records = await SupervisedAccount.query()
      .where('institutionId', institution.id)
      .orderBy('id')
    assert.deepEqual(
      records.map((r) => r.status),
      ['closed', 'open']
    )
    const [old, next] = [records[0]!, records[1]!]
    assert.isNotNull(old.closedAt)
    assert.equal(old.replacedById, next.id)
    assert.equal(old.accountNumber, first.accountNumber, 'the closed record is kept as it was')
    assert.equal(next.accountNumber, '6216600000012345')
    assert.equal(next.escrowModel, 'risk_deposit')
    assert.equal((await Bank.findOrFail(next.bankId)).name, NEW_BANK)
    assert.equal(
      (await supervisedAccountOf(institution.id)).id,
      next.id,
      'new instructions go to the open account'
    )
  })

  test('an older change delivered late never reopens the account a newer change replaced', async ({
    assert,
  }) => {
    const institution = await createFiledInstitution()
    const first = await supervisedAccountOf(institution.id)
    await registerSupervisingBanks(NEW_BANK)
    const change = (id: number, account: string) => ({
      institutionId: institution.id,
      regionCode: institution.regionCode,
      changeRequestId: id,
      from: {
        bank: '中国建设银行长春朝阳支行',
        account: first.accountNumber,
        escrowModel: first.escrowModel,
      },
      to: { bank: NEW_BANK, account, escrowModel: 'bank_custody' as const },
    })
    await new ChangeSupervisedAccount().handle(change(501, '6216600000000501'))
    await new ChangeSupervisedAccount().handle(change(502, '6216600000000502'))
    /* Change 501's event again, after 502 (a retry, or a lease that ran out). */
    await new ChangeSupervisedAccount().handle(change(501, '6216600000000501'))
    assert.equal((await supervisedAccountOf(institution.id)).accountNumber, '6216600000000502')
    assert.lengthOf(
      await SupervisedAccount.query()
        .where('institutionId', institution.id)
        .where('status', 'open'),
      1
    )
    assert.lengthOf(await SupervisedAccount.query().where('institutionId', institution.id), 3)
  })

  test('the approved change request reaches the fund module through the outbox', async ({
    assert,
  }) => {
    const institution = await createFiledInstitution()
    const first = await supervisedAccountOf(institution.id)
    await registerSupervisingBanks(NEW_BANK)
    await db.transaction(async (trx) => {
      const { publish } = await import('#kernel/shared/outbox')
      await publish(trx, 'registry:supervision_changed', {
        institutionId: institution.id,
        regionCode: institution.regionCode,
        changeRequestId: 77,
        from: {
          bank: '中国建设银行长春朝阳支行',
          account: first.accountNumber,
          escrowModel: 'bank_custody',
        },
        to: { bank: NEW_BANK, account: '6216600000099999', escrowModel: 'bank_custody' },
      })
    })
    await drainOutbox()
    const open = await SupervisedAccount.query()
      .where('institutionId', institution.id)
      .where('status', 'open')
      .firstOrFail()
    assert.equal(open.accountNumber, '6216600000099999')
    assert.equal(open.changeRequestId, 77)
  })

  test('a bank nobody registered is never created from a filing', async ({ assert }) => {
    const institution = await createFiledInstitution()
    await db
      .from('filing_sections')
      .where('institution_id', institution.id)
      .update({
        data: db.raw(`data || ?::jsonb`, [JSON.stringify({ supervisingBank: '自造的银行' })]),
      })
    await assert.rejects(() => supervisedAccountOf(institution.id), /funds.banks.not_registered/)
    await assert.rejects(
      () => bankNamed('另一家自造的银行', '220104'),
      /funds.banks.not_registered/
    )
    assert.lengthOf(await Bank.query().where('name', 'like', '%自造%'), 0)
  })

  test('money moving between the old and the new account record raises nothing in reconciliation', async ({
    assert,
  }) => {
    const { order, institutionId } = await orderFixture()
    const payment = await payOrder(order)
    const held = await balanceOf(db, accounts.supervised(institutionId))
    const old = await supervisedAccountOf(institutionId)
    /* The bank reports the payment arriving in the old account. */
    await new RecordBankMovements().handle(await Bank.findOrFail(old.bankId), [
      movement(old.accountNumber, 'credit', held, held, payment.number),
    ])
    await registerSupervisingBanks(NEW_BANK)
    const institution = { id: institutionId, regionCode: old.regionCode }
    const next = await new ChangeSupervisedAccount().handle({
      institutionId: institution.id,
      regionCode: institution.regionCode,
      changeRequestId: 9001,
      from: {
        bank: '中国建设银行长春朝阳支行',
        account: old.accountNumber,
        escrowModel: old.escrowModel,
      },
      to: { bank: NEW_BANK, account: '6216600000055555', escrowModel: old.escrowModel },
    })
    /* Part way through the bank's move, then done: the institution's money is the sum of its records. */
    for (const moved of [100, held]) {
      await db
        .from('supervised_accounts')
        .where('id', old.id)
        .update({ reported_balance_fen: held - moved })
      await db
        .from('supervised_accounts')
        .where('id', next!.id)
        .update({ reported_balance_fen: moved, reported_at: new Date() })
      const { accounts: checked } = await new Reconcile().all()
      assert.isAtLeast(checked, 1)
      const open = await db
        .from('fund_anomalies')
        .where('institution_id', institutionId)
        .where('status', 'open')
      assert.lengthOf(open, 0, JSON.stringify(open))
    }
    /* Money missing from both records is still caught. */
    await db
      .from('supervised_accounts')
      .where('id', next!.id)
      .update({ reported_balance_fen: held - 500 })
    await new Reconcile().all()
    const [anomaly] = await db
      .from('fund_anomalies')
      .where('institution_id', institutionId)
      .where('status', 'open')
    assert.equal(anomaly.kind, 'balance_mismatch')
    assert.equal(Number(anomaly.supervised_account_id), next!.id, 'raised on the open record')
  })
})

/** A paid order whose money the bank reported arriving in the institution's first account, and a change of account approved. */
async function changedAfterPayment(toAccount = '6216600000066666') {
  const world = await orderFixture()
  const payment = await payOrder(world.order)
  const held = await balanceOf(db, accounts.supervised(world.institutionId))
  const old = await supervisedAccountOf(world.institutionId)
  const oldBank = await Bank.findOrFail(old.bankId)
  await new RecordBankMovements().handle(oldBank, [
    movement(old.accountNumber, 'credit', held, held, payment.number),
  ])
  await registerSupervisingBanks(NEW_BANK)
  const next = (await new ChangeSupervisedAccount().handle({
    institutionId: world.institutionId,
    regionCode: old.regionCode,
    changeRequestId: 7000 + Math.floor(Math.random() * 1000),
    from: { bank: oldBank.name, account: old.accountNumber, escrowModel: old.escrowModel },
    to: { bank: NEW_BANK, account: toAccount, escrowModel: old.escrowModel },
  }))!
  const newBank = await Bank.findOrFail(next.bankId)
  return { ...world, held, old, oldBank, next, newBank }
}

const openAnomalies = (institutionId: number) =>
  db
    .from('fund_anomalies')
    .where('institution_id', institutionId)
    .where('status', 'open')
    .select('kind', 'severity')

/* Finding 1: the students' money follows the supervised account, by an instruction the banks execute and confirm. */
test.group('Money moves to the new supervised account', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an approved change sends the old bank a transfer of what it holds, and both banks confirm it', async ({
    assert,
  }) => {
    const { held, old, oldBank, next, newBank, institutionId } = await changedAfterPayment()
    const transfer = (
      await BankInstruction.query().where('kind', 'transfer').where('supervisedAccountId', old.id)
    )[0]!
    assert.equal(transfer.amountFen, held, 'everything the students paid moves')
    assert.equal(transfer.targetAccountId, next.id)
    assert.equal(transfer.bankId, oldBank.id, 'the bank holding the money is told')
    assert.isNull(transfer.orderId)

    /* The old bank pays it out: the debit is the transfer, not money leaving supervision. */
    const [debit] = await new RecordBankMovements().handle(oldBank, [
      movement(old.accountNumber, 'debit', held, 0, transfer.number),
    ])
    assert.equal(debit!.matched, 'instruction')
    assert.equal((await BankInstruction.findOrFail(transfer.id)).status, 'executed')
    /* On the way: the old account shows nothing, the new has not reported — no false alarm. */
    await new Reconcile().all()
    assert.deepEqual(await openAnomalies(institutionId), [])

    /* The new bank reports the money arriving under the transfer's number. */
    const [credit] = await new RecordBankMovements().handle(newBank, [
      movement(next.accountNumber, 'credit', held, held, transfer.number),
    ])
    assert.equal(credit!.matched, 'instruction')
    assert.isNotNull((await BankInstruction.findOrFail(transfer.id)).creditedMovementId)
    await new Reconcile().all()
    assert.deepEqual(await openAnomalies(institutionId), [])
    assert.equal(
      await balanceOf(db, accounts.supervised(institutionId)),
      held,
      'the ledger holds the same money throughout'
    )
  })

  test('the old bank pulls the transfer through the bank API with the account it goes to', async ({
    client,
    assert,
  }) => {
    const { held, old, oldBank, next } = await changedAfterPayment('6216600000068888')
    const path = '/api/bank/v1/instructions'
    const response = await client.get(path).headers(bankHeaders(oldBank, 'GET', path, ''))
    response.assertStatus(200)
    const transfer = response
      .body()
      .instructions.find(
        (i: any) => i.kind === 'transfer' && i.account_number === old.accountNumber
      )
    assert.equal(transfer.amount_fen, held)
    assert.deepEqual(transfer.to, { bank_name: NEW_BANK, account_number: next.accountNumber })
  })

  test('the new bank may report the arrival before the old bank reports the debit', async ({
    assert,
  }) => {
    const { held, old, oldBank, next, newBank, institutionId } = await changedAfterPayment()
    const transfer = await BankInstruction.query()
      .where('kind', 'transfer')
      .where('supervisedAccountId', old.id)
      .firstOrFail()
    await new RecordBankMovements().handle(newBank, [
      movement(next.accountNumber, 'credit', held, held, transfer.number),
    ])
    /* Both accounts show the money for a moment: counted once. */
    await new Reconcile().all()
    assert.deepEqual(await openAnomalies(institutionId), [])
    await new RecordBankMovements().handle(oldBank, [
      movement(old.accountNumber, 'debit', held, 0, transfer.number),
    ])
    await new Reconcile().all()
    assert.deepEqual(await openAnomalies(institutionId), [])
  })

  test('money that left the old account and never arrived is a red alarm; a transfer never executed is a yellow one', async ({
    assert,
  }) => {
    const { held, old, oldBank, institutionId } = await changedAfterPayment()
    const transfer = await BankInstruction.query()
      .where('kind', 'transfer')
      .where('supervisedAccountId', old.id)
      .firstOrFail()
    await new Reconcile().all(DateTime.now().plus({ days: 4 }))
    assert.deepEqual(await openAnomalies(institutionId), [
      { kind: 'transfer_overdue', severity: 'yellow' },
    ])
    await db
      .from('fund_anomalies')
      .where('institution_id', institutionId)
      .update({ status: 'closed' })

    await new RecordBankMovements().handle(oldBank, [
      movement(old.accountNumber, 'debit', held, 0, transfer.number),
    ])
    await new Reconcile().all(DateTime.now().plus({ days: 2 }))
    const kinds = await openAnomalies(institutionId)
    assert.deepInclude(kinds, { kind: 'transfer_overdue', severity: 'red' })
  })

  test('a credit naming a transfer of another account, or for another amount, confirms nothing', async ({
    assert,
  }) => {
    const { held, old, next, newBank } = await changedAfterPayment()
    const transfer = await BankInstruction.query()
      .where('kind', 'transfer')
      .where('supervisedAccountId', old.id)
      .firstOrFail()
    const [short] = await new RecordBankMovements().handle(newBank, [
      movement(next.accountNumber, 'credit', held - 1, held - 1, transfer.number),
    ])
    assert.isNull(short!.matched)
    assert.isNull((await BankInstruction.findOrFail(transfer.id)).creditedMovementId)
  })

  test('an escrow-model change keeps the bank account, so nothing moves', async ({ assert }) => {
    const { order, institutionId } = await orderFixture()
    await payOrder(order)
    const old = await supervisedAccountOf(institutionId)
    const bank = await Bank.findOrFail(old.bankId)
    await new ChangeSupervisedAccount().handle({
      institutionId,
      regionCode: old.regionCode,
      changeRequestId: 6001,
      from: { bank: bank.name, account: old.accountNumber, escrowModel: old.escrowModel },
      to: {
        bank: bank.name,
        account: old.accountNumber,
        escrowModel: old.escrowModel === 'bank_custody' ? 'risk_deposit' : 'bank_custody',
      },
    })
    assert.lengthOf(
      await BankInstruction.query().where('kind', 'transfer').where('supervisedAccountId', old.id),
      0
    )
  })

  test('a payment still in transit at the change is forwarded when it lands in the closed account, once', async ({
    assert,
  }) => {
    const { order, institutionId } = await orderFixture()
    const payment = await payOrder(order)
    const old = await supervisedAccountOf(institutionId)
    const oldBank = await Bank.findOrFail(old.bankId)
    await registerSupervisingBanks(NEW_BANK)
    const next = (await new ChangeSupervisedAccount().handle({
      institutionId,
      regionCode: old.regionCode,
      changeRequestId: 6101,
      from: { bank: oldBank.name, account: old.accountNumber, escrowModel: old.escrowModel },
      to: { bank: NEW_BANK, account: '6216600000061010', escrowModel: old.escrowModel },
    }))!
    assert.lengthOf(
      await BankInstruction.query().where('kind', 'transfer'),
      0,
      'the money had not reached the old account: nothing to move yet'
    )
    /* The channel settles it to the old account number after all. */
    const report = movement(
      old.accountNumber,
      'credit',
      payment.amountFen,
      payment.amountFen,
      payment.number
    )
    const [first] = await new RecordBankMovements().handle(oldBank, [report])
    assert.equal(first!.matched, 'payment')
    const [again] = await new RecordBankMovements().handle(oldBank, [{ ...report }])
    assert.equal(again!.outcome, 'duplicate')
    const forwards = await BankInstruction.query()
      .where('kind', 'transfer')
      .whereNotNull('forwardsMovementId')
    assert.lengthOf(forwards, 1)
    assert.equal(forwards[0]!.amountFen, payment.amountFen)
    assert.equal(forwards[0]!.supervisedAccountId, old.id)
    assert.equal(forwards[0]!.targetAccountId, next.id)
    await new Reconcile().all()
    assert.deepEqual(await openAnomalies(institutionId), [])
  })
})

/* Real concurrency: no global transaction, so the two really race on the database. */
test.group('Money moves to the new supervised account, raced', () => {
  test('a class fee released while the account changes is paid from the account that holds it', async ({
    assert,
  }) => {
    for (let round = 0; round < 4; round++) {
      const world = await orderFixture()
      await payOrder(world.order)
      const old = await supervisedAccountOf(world.institutionId)
      const oldBank = await Bank.findOrFail(old.bankId)
      const payment = await db
        .from('payments')
        .where('order_id', world.order.id)
        .where('status', 'succeeded')
        .firstOrFail()
      const held = await balanceOf(db, accounts.supervised(world.institutionId))
      await new RecordBankMovements().handle(oldBank, [
        movement(old.accountNumber, 'credit', held, held, payment.number),
      ])
      await registerSupervisingBanks(NEW_BANK)
      const taken = await new RecordClass().handle(world.owner.user, {
        contractId: world.contractId,
        classNo: 1,
      })
      /* The parent confirms (releasing the fee) at the moment the bureau's approval reaches funds. */
      await Promise.all([
        new AnswerClass().confirm(world.parent.user, taken.id),
        new ChangeSupervisedAccount().handle({
          institutionId: world.institutionId,
          regionCode: old.regionCode,
          changeRequestId: 8000 + round,
          from: { bank: oldBank.name, account: old.accountNumber, escrowModel: old.escrowModel },
          to: {
            bank: NEW_BANK,
            account: `62166000000${7000 + round}`,
            escrowModel: old.escrowModel,
          },
        }),
      ])
      /* Whatever the order, the old bank is never asked for more than it holds. */
      const askedOfOld = await db
        .from('bank_instructions')
        .where('supervised_account_id', old.id)
        .sum('amount_fen as total')
        .first()
      assert.isAtMost(Number(askedOfOld.total), held, `round ${round}`)
      const all = await db
        .from('bank_instructions')
        .join(
          'supervised_accounts',
          'supervised_accounts.id',
          'bank_instructions.supervised_account_id'
        )
        .where('supervised_accounts.institution_id', world.institutionId)
        .where('kind', 'release')
        .count('* as n')
        .first()
      assert.equal(Number(all.n), 1, 'the class fee is released once')
    }
  })
})
