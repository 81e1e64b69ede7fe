/*
| Inspection draws: bureaus above sub-units plan them, for a region within
| their own (another region is refused, as for material spot checks); a
| kept draw of a region outside theirs does not exist for them (404).
*/
import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import { type CurrentUser, inScope } from '#modules/identity'

const plans = (user: CurrentUser) =>
  user.role === 'admin' && !!user.regionCode && user.adminLevel !== 'subunit'

export default class DrawPolicy extends BasePolicy {
  plan(user: CurrentUser) {
    return plans(user)
  }

  drawIn(user: CurrentUser, regionCode: string) {
    return plans(user) && inScope(regionCode, user.regionCode)
  }

  show(user: CurrentUser, draw: { regionCode: string }) {
    if (!plans(user)) return false
    return inScope(draw.regionCode, user.regionCode) || AuthorizationResponse.deny('Not found', 404)
  }
}
