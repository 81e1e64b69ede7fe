import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import { type CurrentUser, actsForBank } from '#modules/identity'
import type Bank from '../models/bank.js'

/* The bank view belongs to the bank's own operators; another bank's does not exist (404). */
const ownBank = (user: CurrentUser, bank: Pick<Bank, 'id'>) =>
  actsForBank(user, bank.id) || AuthorizationResponse.deny('Not found', 404)

export default class BankPolicy extends BasePolicy {
  /** Its supervised accounts, instructions, anomalies and API key. */
  view(user: CurrentUser, bank: Pick<Bank, 'id'>) {
    return ownBank(user, bank)
  }

  /** Replacing the API secret (the operator also confirms their password). */
  rotateSecret(user: CurrentUser, bank: Pick<Bank, 'id'>) {
    return ownBank(user, bank)
  }
}
