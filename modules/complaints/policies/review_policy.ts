import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import {
  type CurrentUser,
  actsForInstitution,
  inScope,
  institutionActedFor,
} from '#modules/identity'
import type Review from '../models/review.js'
import { isBureau } from './complaint_policy.js'

/*
| Reviews are written by the parent of an order, answered by its
| institution and moderated by the bureaus of its region above sub-units.
| Another parent's order or another institution's review does not exist
| (404); a bureau outside the region is told the same.
*/
const notFound = () => AuthorizationResponse.deny('Not found', 404)

export default class ReviewPolicy extends BasePolicy {
  /** The parent's reviewable orders. */
  parentIndex(user: CurrentUser) {
    return user.role === 'parent'
  }

  /** Reviewing an order: its parent (a consumed class is checked by PostReview). */
  write(user: CurrentUser, order: { parentUserId: number }) {
    if (user.role !== 'parent') return false
    return order.parentUserId === user.id || notFound()
  }

  /** The institution's reviews and rating: owner and staff. */
  institutionIndex(user: CurrentUser) {
    return institutionActedFor(user) !== null || notFound()
  }

  reply(user: CurrentUser, review: Pick<Review, 'institutionId'>) {
    return actsForInstitution(user, review.institutionId) || notFound()
  }

  /** The region's reviews, for every bureau (sub-units included). */
  bureauIndex(user: CurrentUser) {
    return isBureau(user)
  }

  /** Hiding a review: bureaus above sub-units, in the review's region. */
  /** The role and level are asked first (403); a missing review or one outside the region is not found. */
  hide(user: CurrentUser, review: Pick<Review, 'countyCode' | 'cityCode' | 'provinceCode'> | null) {
    if (!isBureau(user) || user.adminLevel === 'subunit') return false
    if (!review) return notFound()
    return (
      inScope(review.countyCode ?? review.cityCode ?? review.provinceCode, user.regionCode) ||
      notFound()
    )
  }
}
