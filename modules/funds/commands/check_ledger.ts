import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/*
| Proves the ledger's invariants over the whole book: every transaction
| balances, every running balance equals its entries, no non-negative
| account is overdrawn, every order's totals match its transactions.
| Exits non-zero with the offending rows when one fails.
*/
export default class CheckLedgerCommand extends BaseCommand {
  static override commandName = 'funds:check-ledger'
  static override description = 'Check the double-entry ledger invariants over the whole book'
  static override options: CommandOptions = { startApp: true }

  override async run() {
    const db = (await import('@adonisjs/lucid/services/db')).default
    const { ledgerProblems, isClean } = await import('../ledger/invariants.js')
    const started = Date.now()
    const problems = await ledgerProblems()
    const [{ entries, transactions }] = (
      await db.rawQuery(
        'SELECT (SELECT count(*) FROM ledger_entries) AS entries, (SELECT count(*) FROM ledger_transactions) AS transactions'
      )
    ).rows
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    if (isClean(problems)) {
      this.logger.success(
        `Ledger balanced: ${transactions} transactions, ${entries} entries checked in ${seconds} s`
      )
      return
    }
    this.logger.error(
      `Ledger problems found (checked in ${seconds} s):\n${JSON.stringify(problems, null, 2)}`
    )
    this.exitCode = 1
  }
}
