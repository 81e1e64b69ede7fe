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
import { RecordBankMovements } from '../../actions/bank_reports.js'
import { movement, orderFixture } from './helpers.js'

const NEW_BANK = '中国银行长春人民广场支行'

test.group('Supervised account history', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an approved supervision change closes the old account record and opens the new one', async ({ assert }) => {
    const institution = await createFiledInstitution()
    const first = await supervisedAccountOf(institution.id)
    await registerSupervisingBanks(NEW_BANK)
    const event = {
      institutionId: institution.id,
      regionCode: institution.regionCode,
      changeRequestId: 4242,
      from: { bank: '中国建设银行长春朝阳支行', account: first.accountNumber, escrowModel: first.escrowModel },
      to: { bank: NEW_BANK, account: '6216600000012345', escrowModel: 'risk_deposit' as const },
    }
    /* Delivered through the outbox, so possibly twice and at once: one new record either way. */
    const results = await Promise.all([new ChangeSupervisedAccount().handle(event), new ChangeSupervisedAccount().handle(event)])
    assert.equal(results[0]!.id, results[1]!.id)

    const records = await SupervisedAccount.query().where('institutionId', institution.id).orderBy('id')
    assert.deepEqual(records.map((r) => r.status), ['closed', 'open'])
    const [old, next] = records
    assert.isNotNull(old.closedAt)
    assert.equal(old.replacedById, next.id)
    assert.equal(old.accountNumber, first.accountNumber, 'the closed record is kept as it was')
    assert.equal(next.accountNumber, '6216600000012345')
    assert.equal(next.escrowModel, 'risk_deposit')
    assert.equal((await Bank.findOrFail(next.bankId)).name, NEW_BANK)
    assert.equal((await supervisedAccountOf(institution.id)).id, next.id, 'new instructions go to the open account')
  })

  test('an older change delivered late never reopens the account a newer change replaced', async ({ assert }) => {
    const institution = await createFiledInstitution()
    const first = await supervisedAccountOf(institution.id)
    await registerSupervisingBanks(NEW_BANK)
    const change = (id: number, account: string) => ({
      institutionId: institution.id,
      regionCode: institution.regionCode,
      changeRequestId: id,
      from: { bank: '中国建设银行长春朝阳支行', account: first.accountNumber, escrowModel: first.escrowModel },
      to: { bank: NEW_BANK, account, escrowModel: 'bank_custody' as const },
    })
    await new ChangeSupervisedAccount().handle(change(501, '6216600000000501'))
    await new ChangeSupervisedAccount().handle(change(502, '6216600000000502'))
    /* Change 501's event again, after 502 (a retry, or a lease that ran out). */
    await new ChangeSupervisedAccount().handle(change(501, '6216600000000501'))
    assert.equal((await supervisedAccountOf(institution.id)).accountNumber, '6216600000000502')
    assert.lengthOf(await SupervisedAccount.query().where('institutionId', institution.id).where('status', 'open'), 1)
    assert.lengthOf(await SupervisedAccount.query().where('institutionId', institution.id), 3)
  })

  test('the approved change request reaches the fund module through the outbox', async ({ assert }) => {
    const institution = await createFiledInstitution()
    const first = await supervisedAccountOf(institution.id)
    await registerSupervisingBanks(NEW_BANK)
    await db.transaction(async (trx) => {
      const { publish } = await import('#kernel/shared/outbox')
      await publish(trx, 'registry:supervision_changed', {
        institutionId: institution.id,
        regionCode: institution.regionCode,
        changeRequestId: 77,
        from: { bank: '中国建设银行长春朝阳支行', account: first.accountNumber, escrowModel: 'bank_custody' },
        to: { bank: NEW_BANK, account: '6216600000099999', escrowModel: 'bank_custody' },
      })
    })
    await drainOutbox()
    const open = await SupervisedAccount.query().where('institutionId', institution.id).where('status', 'open').firstOrFail()
    assert.equal(open.accountNumber, '6216600000099999')
    assert.equal(open.changeRequestId, 77)
  })

  test('a bank nobody registered is never created from a filing', async ({ assert }) => {
    const institution = await createFiledInstitution()
    await db.from('filing_sections').where('institution_id', institution.id).update({ data: db.raw(`data || ?::jsonb`, [JSON.stringify({ supervisingBank: '自造的银行' })]) })
    await assert.rejects(() => supervisedAccountOf(institution.id), /funds.banks.not_registered/)
    await assert.rejects(() => bankNamed('另一家自造的银行', '220104'), /funds.banks.not_registered/)
    assert.lengthOf(await Bank.query().where('name', 'like', '%自造%'), 0)
  })

  test('money moving between the old and the new account record raises nothing in reconciliation', async ({ assert }) => {
    const { order, institutionId } = await orderFixture()
    const payment = await payOrder(order)
    const held = await balanceOf(db, accounts.supervised(institutionId))
    const old = await supervisedAccountOf(institutionId)
    /* The bank reports the payment arriving in the old account. */
    await new RecordBankMovements().handle(await Bank.findOrFail(old.bankId), [movement(old.accountNumber, 'credit', held, held, payment.number)])
    await registerSupervisingBanks(NEW_BANK)
    const institution = { id: institutionId, regionCode: old.regionCode }
    const next = await new ChangeSupervisedAccount().handle({
      institutionId: institution.id,
      regionCode: institution.regionCode,
      changeRequestId: 9001,
      from: { bank: '中国建设银行长春朝阳支行', account: old.accountNumber, escrowModel: old.escrowModel },
      to: { bank: NEW_BANK, account: '6216600000055555', escrowModel: old.escrowModel },
    })
    /* Part way through the bank's move, then done: the institution's money is the sum of its records. */
    for (const moved of [100, held]) {
      await db.from('supervised_accounts').where('id', old.id).update({ reported_balance_fen: held - moved })
      await db.from('supervised_accounts').where('id', next!.id).update({ reported_balance_fen: moved, reported_at: new Date() })
      const { accounts: checked } = await new Reconcile().all()
      assert.isAtLeast(checked, 1)
      const open = await db.from('fund_anomalies').where('institution_id', institutionId).where('status', 'open')
      assert.lengthOf(open, 0, JSON.stringify(open))
    }
    /* Money missing from both records is still caught. */
    await db.from('supervised_accounts').where('id', next!.id).update({ reported_balance_fen: held - 500 })
    await new Reconcile().all()
    const [anomaly] = await db.from('fund_anomalies').where('institution_id', institutionId).where('status', 'open')
    assert.equal(anomaly.kind, 'balance_mismatch')
    assert.equal(Number(anomaly.supervised_account_id), next!.id, 'raised on the open record')
  })
})
