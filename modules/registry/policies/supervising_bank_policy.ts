import { BasePolicy } from '@adonisjs/bouncer'
import { type CurrentUser, inScope } from '#modules/identity'

/*
| The register of supervising banks is kept by the bureaus that decide
| (county and above, not sub-units), each for banks in its own region.
| Every bureau may read it.
*/
export default class SupervisingBankPolicy extends BasePolicy {
  index(user: CurrentUser) {
    return user.role === 'admin' && !!user.regionCode
  }

  register(user: CurrentUser, regionCode?: string) {
    if (user.role !== 'admin' || user.adminLevel === 'subunit' || !user.regionCode) return false
    return regionCode === undefined || inScope(regionCode, user.regionCode)
  }
}
