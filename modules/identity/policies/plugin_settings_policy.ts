import { BasePolicy } from '@adonisjs/bouncer'
import { isRegionCode, provinceOf } from '#kernel/shared/region_code'
import type { CurrentUser } from '../services/current_user.js'

/*
| A province's plugin is the province's rules: its own provincial bureau
| switches it and sets its values. The ministry sees every province's
| state (to support them) but does not change it; city and county bureaus
| apply the rules and do not see the page.
*/
export default class PluginSettingsPolicy extends BasePolicy {
  view(user: CurrentUser) {
    return (
      user.role === 'admin' && (user.adminLevel === 'ministry' || user.adminLevel === 'province')
    )
  }

  edit(user: CurrentUser, province: string) {
    return (
      user.role === 'admin' &&
      user.adminLevel === 'province' &&
      isRegionCode(user.regionCode) &&
      provinceOf(user.regionCode) === province
    )
  }
}
