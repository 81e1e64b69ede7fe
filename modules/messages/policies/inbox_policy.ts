import { BasePolicy } from '@adonisjs/bouncer'
import type { CurrentUser } from '#modules/identity'

/*
| Everyone signed in has a message centre and sees only their own: every
| query is scoped by the account, so another person's message answers 404.
*/
export default class InboxPolicy extends BasePolicy {
  use(user: CurrentUser) {
    return user.id > 0
  }
}
