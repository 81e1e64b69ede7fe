import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type User from '../models/user.js'
import type { CurrentUser } from '../services/current_user.js'
import { canManageAccount, canManageAccounts, creatableKinds } from '../services/account_rules.js'

/* Accounts outside the admin's scope answer 404, so their existence is not revealed. */
const notFound = () => AuthorizationResponse.deny('Not found', 404)

export default class AccountPolicy extends BasePolicy {
  index(user: CurrentUser) {
    return canManageAccounts(user)
  }

  create(user: CurrentUser) {
    return creatableKinds(user).length > 0
  }

  show(user: CurrentUser, account: User) {
    return canManageAccount(user, account) || notFound()
  }

  update(user: CurrentUser, account: User) {
    return canManageAccount(user, account) || notFound()
  }

  revealPhone(user: CurrentUser, account: User) {
    return canManageAccount(user, account) || notFound()
  }
}
