/*
| Who sees and acts on risk warnings. Bureaus (sub-units included) see the
| warnings of their region and below; outside it a warning does not exist
| for them (404). A bureau of county level or above lifts one with a note;
| a sub-unit does not decide. An institution sees and answers its own
| warnings only; another's does not exist for it (404).
*/
import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import { type CurrentUser, inScope } from '#modules/identity'

const isBureau = (user: CurrentUser) => user.role === 'admin' && !!user.regionCode
const notFound = () => AuthorizationResponse.deny('Not found', 404)

export default class RiskWarningPolicy extends BasePolicy {
  board(user: CurrentUser) {
    return isBureau(user)
  }

  view(user: CurrentUser, warning: { regionCode: string }) {
    if (!isBureau(user)) return false
    return inScope(warning.regionCode, user.regionCode) || notFound()
  }

  lift(user: CurrentUser, warning: { regionCode: string }) {
    if (!isBureau(user)) return false
    if (!inScope(warning.regionCode, user.regionCode)) return notFound()
    return user.adminLevel !== 'subunit'
  }

  ownList(user: CurrentUser) {
    return user.orgType === 'institution' && !!user.orgId
  }

  answer(user: CurrentUser, warning: { institutionId: number }) {
    if (user.orgType !== 'institution') return false
    return user.orgId === warning.institutionId || notFound()
  }
}
