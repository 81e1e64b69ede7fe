/*
| Children's profiles belong to the parent terminal. Whose child it is
| is answered by the query that reads it (own_children.ts): someone
| else's child is not found (404), never forbidden, so its existence
| is not told either.
*/
import { BasePolicy } from '@adonisjs/bouncer'
import type { CurrentUser } from '#modules/identity'

const isParent = (user: CurrentUser) => user.role === 'parent'

export default class ChildPolicy extends BasePolicy {
  index(user: CurrentUser) {
    return isParent(user)
  }

  create(user: CurrentUser) {
    return isParent(user)
  }

  /** A guardian's acts on their child (view, edit, remove, invite, reveal the ID). */
  manage(user: CurrentUser) {
    return isParent(user)
  }

  join(user: CurrentUser) {
    return isParent(user)
  }
}
