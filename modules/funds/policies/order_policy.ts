import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import {
  type CurrentUser,
  actsForInstitution,
  inScope,
  institutionActedFor,
} from '#modules/identity'
import { isBureau } from '#modules/registry'
import type Order from '../models/order.js'

/*
| An order (with its classes) is seen by its parent, its institution (owner
| and staff) and the bureaus of its region. The role is asked first (403),
| then the record: a missing order, another parent's or institution's, or
| one outside the bureau's region does not exist (404).
*/
const notFound = () => AuthorizationResponse.deny('Not found', 404)
const isInstitutionAccount = (user: CurrentUser) =>
  user.role === 'institution_owner' || user.role === 'institution_staff'

type Owned = Pick<Order, 'parentUserId' | 'institutionId' | 'regionCode'>

export default class OrderPolicy extends BasePolicy {
  /** The parent terminal's own orders. */
  parentIndex(user: CurrentUser) {
    return user.role === 'parent'
  }

  /** The institution terminal's orders: an account acting for an institution. */
  institutionIndex(user: CurrentUser) {
    return institutionActedFor(user) !== null || notFound()
  }

  view(user: CurrentUser, order: Owned | null) {
    if (user.role === 'parent') return order?.parentUserId === user.id || notFound()
    if (isInstitutionAccount(user))
      return (!!order && actsForInstitution(user, order.institutionId)) || notFound()
    if (isBureau(user)) return (!!order && inScope(order.regionCode, user.regionCode)) || notFound()
    return false
  }

  /** Charging a signed contract: the parent who signed it. */
  create(user: CurrentUser, contract: { parentUserId: number } | null) {
    if (user.role !== 'parent') return false
    return contract?.parentUserId === user.id || notFound()
  }

  /** The money notices of a contract's page: the parent who signed it. */
  contractNotices(user: CurrentUser, contract: { parentUserId: number } | null) {
    if (user.role !== 'parent') return false
    return contract?.parentUserId === user.id || notFound()
  }

  /** The parent's acts on their own order: paying it, and paying, confirming or disputing its classes. */
  pay(user: CurrentUser, order: Pick<Order, 'parentUserId'> | null) {
    if (user.role !== 'parent') return false
    return order?.parentUserId === user.id || notFound()
  }

  /** Recording classes: any account acting for an institution (RecordClass checks each contract is its own). */
  recordAttendance(user: CurrentUser) {
    return institutionActedFor(user) !== null || notFound()
  }
}
