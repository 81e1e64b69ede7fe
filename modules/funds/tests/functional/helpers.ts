import { randomUUID } from 'node:crypto'
import { bankCanonical, signPayload, unixSeconds } from '../../channels/signing.js'
import Bank from '../../models/bank.js'
import SupervisedAccount from '../../models/supervised_account.js'
import { bankSecret } from '../../services/supervised_accounts.js'
import { isClean, ledgerProblems } from '../../ledger/invariants.js'

export async function accountOf(institutionId: number) {
  const account = await SupervisedAccount.findByOrFail('institutionId', institutionId)
  const bank = await Bank.findOrFail(account.bankId)
  return { account, bank }
}

/** Headers of a bank API request signed with the bank's current secret. */
export function bankHeaders(bank: Bank, method: string, path: string, body: string, overrides: { nonce?: string; timestamp?: string; secret?: string } = {}) {
  const nonce = overrides.nonce ?? randomUUID()
  const timestamp = overrides.timestamp ?? unixSeconds()
  return {
    'content-type': 'application/json',
    'x-bank-key': bank.apiKey,
    'x-bank-nonce': nonce,
    'x-bank-timestamp': timestamp,
    'x-bank-signature': signPayload(overrides.secret ?? bankSecret(bank), timestamp, bankCanonical(nonce, method, path, body)),
  }
}

export function movement(accountNumber: string, direction: 'credit' | 'debit', amountFen: number, balanceAfterFen: number, reference: string | null) {
  return { bank_txn_id: `T${randomUUID().slice(0, 18)}`, account_number: accountNumber, direction, amount_fen: amountFen, balance_after_fen: balanceAfterFen, reference, occurred_at: new Date().toISOString() }
}

export async function assertLedgerClean(assert: { isTrue(v: boolean, m?: string): void }) {
  const problems = await ledgerProblems()
  assert.isTrue(isClean(problems), JSON.stringify(problems))
}
