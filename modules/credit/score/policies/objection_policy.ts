/*
| Objections: the institution's owner files one for its own institution
| (another's does not exist for it: 404); staff may read the credit page
| but not contest it. A bureau of county level and above answers
| objections of institutions in its region (outside it: 404); sub-units
| read the list.
*/
import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import { type CurrentUser, actsForInstitution, inScope } from '#modules/identity'

const isBureau = (user: CurrentUser) => user.role === 'admin' && !!user.regionCode
const notFound = () => AuthorizationResponse.deny('Not found', 404)

export default class ObjectionPolicy extends BasePolicy {
  /** The institution terminal's credit page. */
  view(user: CurrentUser) {
    return user.orgType === 'institution'
  }

  file(user: CurrentUser, institutionId: number) {
    if (user.role !== 'institution_owner') return false
    return actsForInstitution(user, institutionId) || notFound()
  }

  index(user: CurrentUser) {
    return isBureau(user)
  }

  answer(user: CurrentUser, objection: { regionCode: string }) {
    if (!isBureau(user) || user.adminLevel === 'subunit') return false
    return inScope(objection.regionCode, user.regionCode) || notFound()
  }
}
