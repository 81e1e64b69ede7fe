import { BasePolicy } from '@adonisjs/bouncer'
import type { CurrentUser } from '#modules/identity'

/* Texts go to every province's people: the ministry's operators watch the channel and the templates. */
export default class DeliveriesPolicy extends BasePolicy {
  view(user: CurrentUser) {
    return user.role === 'admin' && user.adminLevel === 'ministry'
  }
}
