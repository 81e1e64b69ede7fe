/*
| Who opens and decides after-school calls (Art. 21): a county or city
| bureau for its own region; bureaus above read them; sub-units read
| their county's. Outside its region a call does not exist for a bureau
| (404). An institution's owner applies to the open calls that cover its
| county; its accounts see its own application only.
*/
import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import { type CurrentUser, inScope } from '#modules/identity'

const isBureau = (user: CurrentUser) => user.role === 'admin' && !!user.regionCode
const notFound = () => AuthorizationResponse.deny('Not found', 404)

export default class CallPolicy extends BasePolicy {
  index(user: CurrentUser) {
    return isBureau(user)
  }

  /** "A county (or city) bureau opens a call for a school year." */
  open(user: CurrentUser) {
    return isBureau(user) && (user.adminLevel === 'county' || user.adminLevel === 'city')
  }

  view(user: CurrentUser, call: { regionCode: string }) {
    if (!isBureau(user)) return false
    return inScope(call.regionCode, user.regionCode) || notFound()
  }

  /** Deciding and publishing belong to the bureau that opened it (its region exactly). */
  decide(user: CurrentUser, call: { regionCode: string }) {
    if (!isBureau(user)) return false
    if (!inScope(call.regionCode, user.regionCode)) return notFound()
    return user.adminLevel !== 'subunit' && user.regionCode === call.regionCode
  }

  /** The institution's accounts see the calls and where their application stands. */
  applyAs(user: CurrentUser) {
    return user.orgType === 'institution' && !!user.orgId
  }

  /** Applying commits the institution (prices, teachers), like a filing: its owner only. */
  apply(user: CurrentUser) {
    return this.applyAs(user) && user.role === 'institution_owner'
  }
}
