import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import { type CurrentUser, inScope } from '#modules/identity'
import type ProhibitedPerson from '../models/prohibited_person.js'
import { isBureau } from '../services/authority.js'

/*
| The prohibited-persons list (从业禁止人员库) is kept by the bureaus above
| sub-units: every one checks against the whole national list, each adds
| and revokes entries of its own region. The role is asked first (403); an
| entry outside the region, or none, does not exist (404).
*/
const keeper = (user: CurrentUser) => isBureau(user) && user.adminLevel !== 'subunit'

export default class ProhibitedPersonPolicy extends BasePolicy {
  index(user: CurrentUser) {
    return keeper(user)
  }

  /** One entry by hand, or a spreadsheet of them. */
  add(user: CurrentUser) {
    return keeper(user)
  }

  revoke(user: CurrentUser, person: Pick<ProhibitedPerson, 'regionCode'> | null) {
    if (!keeper(user)) return false
    return (
      (!!person && inScope(person.regionCode, user.regionCode)) ||
      AuthorizationResponse.deny('Not found', 404)
    )
  }
}
