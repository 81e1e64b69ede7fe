import db from '@adonisjs/lucid/services/db'
import type Bank from '../models/bank.js'
import BankInstruction from '../models/bank_instruction.js'
import SupervisedAccount from '../models/supervised_account.js'
import { raiseAnomaly } from './reconcile.js'

/**
 * The bank could not execute an instruction. The money stays where the
 * ledger has it (releasing or refunding) until the responsible bureau
 * re-issues or reverses the instruction (resolve_instruction.ts); a red
 * anomaly tells the bureau it is waiting.
 */
export class RejectInstruction {
  async handle(bank: Bank, number: string, reason: string): Promise<boolean> {
    return db.transaction(async (trx) => {
      const locked = await BankInstruction.query({ client: trx })
        .where('number', number)
        .where('bankId', bank.id)
        .forUpdate()
        .first()
      /* Under the lock: a movement executing it at the same moment wins, and the rejection is refused. */
      if (!locked || locked.status !== 'sent') return false
      await locked
        .useTransaction(trx)
        .merge({ status: 'rejected', rejectReason: reason.slice(0, 255) || 'no reason given' })
        .save()
      /* The bureau's alarm commits with the rejection: a rejected instruction is never left unannounced. */
      const account = await SupervisedAccount.findOrFail(locked.supervisedAccountId, {
        client: trx,
      })
      await raiseAnomaly(
        account,
        'instruction_rejected',
        'red',
        {
          instruction: locked.number,
          kind: locked.kind,
          amountFen: locked.amountFen,
          reason: locked.rejectReason,
        },
        `instruction_rejected:${locked.id}`,
        trx
      )
      return true
    })
  }
}
