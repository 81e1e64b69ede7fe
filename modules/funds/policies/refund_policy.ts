import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import { type CurrentUser, actsForInstitution, institutionActedFor } from '#modules/identity'
import type Order from '../models/order.js'
import type Refund from '../models/refund.js'

/*
| A refund is asked for and withdrawn by the parent of the order and
| decided by the institution's owner: staff record classes and answer
| customers, where money goes is the owner's. A missing refund, or another
| parent's or institution's, does not exist (404).
*/
const notFound = () => AuthorizationResponse.deny('Not found', 404)

export default class RefundPolicy extends BasePolicy {
  /** The refund requests waiting on the institution: owner and staff may read them. */
  index(user: CurrentUser) {
    return institutionActedFor(user) !== null || notFound()
  }

  /** Asking for the unconsumed rest of an order back. */
  request(user: CurrentUser, order: Pick<Order, 'parentUserId'> | null) {
    if (user.role !== 'parent') return false
    return order?.parentUserId === user.id || notFound()
  }

  withdraw(user: CurrentUser, refund: Pick<Refund, 'parentUserId'> | null) {
    if (user.role !== 'parent') return false
    return refund?.parentUserId === user.id || notFound()
  }

  decide(user: CurrentUser, refund: Pick<Refund, 'institutionId'> | null) {
    if (!refund || !actsForInstitution(user, refund.institutionId)) return notFound()
    return user.role === 'institution_owner' || AuthorizationResponse.deny('Forbidden', 403)
  }
}
