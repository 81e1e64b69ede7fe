import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type User from '../models/user.js'
import type { CurrentUser } from '../services/current_user.js'
import { canManageAccount, canManageAccounts, creatableKinds } from '../services/account_rules.js'

/*
| Someone who manages no accounts gets 403; an admin asking for an account
| outside their scope gets 404, so its existence is not revealed.
*/
const denyRecord = (user: CurrentUser) =>
  canManageAccounts(user)
    ? AuthorizationResponse.deny('Not found', 404)
    : AuthorizationResponse.deny('Forbidden', 403)

export default class AccountPolicy extends BasePolicy {
  index(user: CurrentUser) {
    return canManageAccounts(user)
  }

  create(user: CurrentUser) {
    return creatableKinds(user).length > 0
  }

  show(user: CurrentUser, account: User) {
    return canManageAccount(user, account) || denyRecord(user)
  }

  update(user: CurrentUser, account: User) {
    return canManageAccount(user, account) || denyRecord(user)
  }

  revealPhone(user: CurrentUser, account: User) {
    return canManageAccount(user, account) || denyRecord(user)
  }
}
