import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import {
  type CurrentUser,
  actsForInstitution,
  inScope,
  institutionActedFor,
} from '#modules/identity'
import { type InstitutionSummary, canSee, isBureau, isResponsibleBureau } from '#modules/registry'
import type Course from '../models/course.js'

/* Outside a bureau's region a course answers 404, as if it did not exist. */
const hidden = (user: CurrentUser) =>
  isBureau(user)
    ? AuthorizationResponse.deny('Not found', 404)
    : AuthorizationResponse.deny('Forbidden', 403)

const managerOf = (user: CurrentUser) =>
  user.role === 'admin' && !!user.regionCode && user.adminLevel !== 'subunit'

export default class CoursePolicy extends BasePolicy {
  index(user: CurrentUser) {
    return isBureau(user)
  }

  show(user: CurrentUser, institution: InstitutionSummary) {
    return canSee(user, institution) || hidden(user)
  }

  /** Approve, reject or take down: the bureau responsible for the institution (its county, or its province if online). */
  decide(user: CurrentUser, institution: InstitutionSummary) {
    if (!canSee(user, institution)) return hidden(user)
    return isResponsibleBureau(user, institution)
  }

  /** The institution terminal's course list (an owner who has not filed yet is pointed to the filing). */
  institutionIndex(user: CurrentUser) {
    return user.role === 'institution_owner' || user.role === 'institution_staff'
  }

  /** A new course: an account acting for an institution; one acting for none is told there is nothing here. */
  create(user: CurrentUser) {
    return institutionActedFor(user) !== null || AuthorizationResponse.deny('Not found', 404)
  }

  /** The institution's own accounts. */
  own(user: CurrentUser, course: Pick<Course, 'institutionId'>) {
    return (
      actsForInstitution(user, course.institutionId) || AuthorizationResponse.deny('Not found', 404)
    )
  }

  /** Material spot checks are run by bureaus (not their sub-units) within their region. */
  spotCheck(user: CurrentUser) {
    return managerOf(user)
  }

  /** A spot check of a region at or below the bureau's own. */
  drawIn(user: CurrentUser, regionCode: string) {
    return (
      (managerOf(user) && inScope(regionCode, user.regionCode)) ||
      AuthorizationResponse.deny('Forbidden', 403)
    )
  }

  reviewMaterial(user: CurrentUser, institution: InstitutionSummary) {
    if (!canSee(user, institution)) return hidden(user)
    return managerOf(user)
  }
}
