/*
| Who chooses after-school providers (issue 17, item 5): a school's
| operator, for its own school only — its choices, agreements and
| evaluations are found through its school, so another school's records
| do not exist for it (404). The county (and the bureaus above it) read
| every school's choices of a call in its region; outside it, 404.
*/
import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import { type CurrentUser, inScope } from '#modules/identity'

const notFound = () => AuthorizationResponse.deny('Not found', 404)

export default class ChoicePolicy extends BasePolicy {
  /** The school terminal's pages and acts: an operator attached to its school. */
  choose(user: CurrentUser) {
    return user.role === 'school_operator' && user.orgType === 'school' && !!user.orgId
  }

  /** A call's choices and totals: the bureaus of its region (sub-units included). */
  viewChoices(user: CurrentUser, call: { regionCode: string }) {
    if (user.role !== 'admin' || !user.regionCode) return false
    return inScope(call.regionCode, user.regionCode) || notFound()
  }
}
