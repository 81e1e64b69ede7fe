import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import { type CurrentUser, inScope, institutionActedFor, regionTree } from '#modules/identity'
import { isBureau } from '#modules/registry'

/*
| Statistics are read by bureaus (sub-units included) for their own region
| and below: the role is asked first (403), and a region outside the
| viewer's answers 404, like any record outside it. An institution reads
| its own figures only.
*/
const notFound = () => AuthorizationResponse.deny('Not found', 404)

export default class ReportPolicy extends BasePolicy {
  /** The dashboard and a province's own (plugin) reports. */
  index(user: CurrentUser) {
    return isBureau(user)
  }

  /** The figures of one region: the bureau's own or one below it. */
  region(user: CurrentUser, code: string) {
    if (!isBureau(user)) return false
    if (code === user.regionCode) return true
    return (regionTree.has(code) && inScope(code, user.regionCode)) || notFound()
  }

  /** The institution terminal's own statistics: an account acting for an institution. */
  institution(user: CurrentUser) {
    return institutionActedFor(user) !== null || notFound()
  }
}
