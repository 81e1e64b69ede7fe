import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { accounts, balanceOf, post } from '../../ledger/ledger.js'
import { isClean, ledgerProblems } from '../../ledger/invariants.js'

const key = () => `test:${Math.random().toString(36).slice(2)}`
const inst = () => 900_000 + Math.floor(Math.random() * 90_000)

test.group('Ledger: the database keeps the books', () => {
  test('a transaction whose entries do not sum to zero is refused', async ({ assert }) => {
    const id = inst()
    const unbalanced = key()
    const write = async (trx: any) => {
      const [{ id: txId }] = await trx
        .table('ledger_transactions')
        .insert({ kind: 'payment', idempotency_key: unbalanced, memo: 'unbalanced' })
        .returning('id')
      await post(trx, {
        kind: 'payment',
        idempotencyKey: key(),
        memo: 'fine',
        from: accounts.channel('sandbox'),
        to: accounts.supervised(id),
        amountFen: 100,
      })
      const [{ id: accountId }] = await trx
        .from('ledger_accounts')
        .where('code', `supervised:${id}`)
        .select('id')
      await trx
        .table('ledger_entries')
        .insert({ transaction_id: txId, account_id: accountId, amount_fen: 50 })
    }
    /* Checked when the constraints run (post() runs them at once)… */
    await assert.rejects(
      () =>
        db.transaction(async (trx) => {
          await write(trx)
          await trx.rawQuery('SET CONSTRAINTS ALL IMMEDIATE')
        }),
      /unbalanced/
    )
    /* …and at commit, which rolls everything back. */
    await db.transaction(write).catch(() => {})
    assert.equal(
      await db
        .from('ledger_transactions')
        .where('idempotency_key', unbalanced)
        .count('* as n')
        .first()
        .then((r) => Number(r.n)),
      0
    )
    assert.equal(await balanceOf(db, accounts.supervised(id)), 0)
  })

  test('entries and transactions cannot be changed or deleted', async ({ assert }) => {
    const id = inst()
    await db.transaction((trx) =>
      post(trx, {
        kind: 'payment',
        idempotencyKey: key(),
        memo: 'x',
        from: accounts.channel('sandbox'),
        to: accounts.supervised(id),
        amountFen: 300,
      })
    )
    const [entry] = await db
      .from('ledger_entries')
      .join('ledger_accounts', 'ledger_accounts.id', 'ledger_entries.account_id')
      .where('ledger_accounts.code', `supervised:${id}`)
      .select('ledger_entries.id', 'ledger_entries.transaction_id')
    await assert.rejects(
      () => db.from('ledger_entries').where('id', entry.id).update({ amount_fen: 1 }),
      /append-only/
    )
    await assert.rejects(
      () => db.from('ledger_entries').where('id', entry.id).delete(),
      /append-only/
    )
    await assert.rejects(
      () =>
        db
          .from('ledger_transactions')
          .where('id', entry.transaction_id)
          .update({ memo: 'changed' }),
      /append-only/
    )
    assert.equal(await balanceOf(db, accounts.supervised(id)), 300)
  })

  test('a supervised account cannot be overdrawn, whatever the code asks', async ({ assert }) => {
    const id = inst()
    await db.transaction((trx) =>
      post(trx, {
        kind: 'payment',
        idempotencyKey: key(),
        memo: 'in',
        from: accounts.channel('sandbox'),
        to: accounts.supervised(id),
        amountFen: 1000,
      })
    )
    await assert.rejects(
      () =>
        db.transaction((trx) =>
          post(trx, {
            kind: 'release',
            idempotencyKey: key(),
            memo: 'too much',
            from: accounts.supervised(id),
            to: accounts.releasing(id),
            amountFen: 1001,
          })
        ),
      /ledger_accounts_not_overdrawn/
    )
    assert.equal(await balanceOf(db, accounts.supervised(id)), 1000)
  })

  test('posting the same business event twice moves the money once', async ({ assert }) => {
    const id = inst()
    const k = key()
    const first = await db.transaction((trx) =>
      post(trx, {
        kind: 'payment',
        idempotencyKey: k,
        memo: 'once',
        from: accounts.channel('sandbox'),
        to: accounts.supervised(id),
        amountFen: 500,
      })
    )
    const second = await db.transaction((trx) =>
      post(trx, {
        kind: 'payment',
        idempotencyKey: k,
        memo: 'twice',
        from: accounts.channel('sandbox'),
        to: accounts.supervised(id),
        amountFen: 500,
      })
    )
    assert.isNumber(first)
    assert.isNull(second)
    assert.equal(await balanceOf(db, accounts.supervised(id)), 500)
  })

  test('postings refuse amounts that are not positive whole fen', async ({ assert }) => {
    for (const amountFen of [0, -5, 1.5, Number.NaN]) {
      await assert.rejects(
        () =>
          db.transaction((trx) =>
            post(trx, {
              kind: 'payment',
              idempotencyKey: key(),
              memo: 'bad',
              from: accounts.channel('sandbox'),
              to: accounts.supervised(1),
              amountFen,
            })
          ),
        /positive whole number/
      )
    }
  })

  test('the whole book balances and every running balance equals its entries', async ({
    assert,
  }) => {
    const problems = await ledgerProblems()
    assert.deepEqual(problems.unbalancedTransactions, [])
    assert.deepEqual(problems.driftedAccounts, [])
    assert.isTrue(isClean(problems), JSON.stringify(problems))
  })
})
