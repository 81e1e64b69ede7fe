/*
| Who records and reads penalty decisions. A bureau of county level and
| above decides penalties on institutions in its region (Order No. 53,
| Art. 4: the education bureau of the county or above); sub-units read
| their county's list but decide nothing. Outside its region an
| institution does not exist for a bureau (404).
*/
import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import { type CurrentUser, inScope } from '#modules/identity'

const isBureau = (user: CurrentUser) => user.role === 'admin' && !!user.regionCode
const decides = (user: CurrentUser) => isBureau(user) && user.adminLevel !== 'subunit'

export default class PenaltyPolicy extends BasePolicy {
  index(user: CurrentUser) {
    return isBureau(user)
  }

  create(user: CurrentUser) {
    return decides(user)
  }

  record(user: CurrentUser, institution: { regionCode: string }) {
    if (!decides(user)) return false
    return (
      inScope(institution.regionCode, user.regionCode) ||
      AuthorizationResponse.deny('Not found', 404)
    )
  }
}
