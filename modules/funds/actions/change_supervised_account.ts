/*
| The registry approved a new supervising bank, account number or escrow
| model (`registry:supervision_changed`, delivered through the outbox, so
| possibly more than once). Under the institution's account lock the open
| record is closed, kept with when it closed and what replaced it, and the
| new one is opened: new instructions and bank reports go to the new
| account from then on. An institution that never took money has no record
| yet; its first order opens one from the (already changed) filing.
| With the change the old account's bank is sent a transfer of the money
| it holds for the students to the new account (transfer_supervised_funds.ts).
*/
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { SupervisionChangedEvent } from '#modules/registry'
import SupervisedAccount from '../models/supervised_account.js'
import { bankNamed } from '../services/supervised_accounts.js'
import { sendOpeningTransfer } from './transfer_supervised_funds.js'

export class ChangeSupervisedAccount {
  async handle(event: SupervisionChangedEvent): Promise<SupervisedAccount | null> {
    const { bank: bankName, account, escrowModel } = event.to
    if (!bankName || !account || !escrowModel) return null
    const bank = await bankNamed(bankName, event.regionCode)
    return db.transaction(async (trx) => {
      const open = await SupervisedAccount.query({ client: trx })
        .where('institutionId', event.institutionId)
        .where('status', 'open')
        .forUpdate()
        .first()
      /*
       * Delivered again, twice at once, or late after a newer change: any
       * record this change already opened (open or since replaced) means it
       * was applied, so an older change never reopens a superseded account.
       */
      const applied = await SupervisedAccount.query({ client: trx })
        .where('institutionId', event.institutionId)
        .where('changeRequestId', event.changeRequestId)
        .first()
      if (!open || applied) return applied
      const now = DateTime.now()
      open.merge({ status: 'closed', closedAt: now })
      await open.useTransaction(trx).save()
      const next = await SupervisedAccount.create(
        {
          institutionId: open.institutionId,
          bankId: bank.id,
          accountNumber: account,
          escrowModel,
          regionCode: open.regionCode,
          provinceCode: open.provinceCode,
          cityCode: open.cityCode,
          countyCode: open.countyCode,
          status: 'open',
          changeRequestId: event.changeRequestId,
        },
        { client: trx }
      )
      open.replacedById = next.id
      await open.useTransaction(trx).save()
      await sendOpeningTransfer(trx, open, next)
      return next
    })
  }
}
