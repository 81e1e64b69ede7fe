import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import { type CurrentUser, actsForInstitution, inScope } from '#modules/identity'
import { isBureau } from '#modules/registry'
import type Contract from '../models/contract.js'

/** A signed contract is seen by its parent, its institution and the bureaus of its region; to anyone else it does not exist. */
export default class ContractPolicy extends BasePolicy {
  view(user: CurrentUser, contract: Contract) {
    if (user.role === 'parent' && contract.parentUserId === user.id) return true
    if (actsForInstitution(user, contract.institutionId)) return true
    if (isBureau(user))
      return (
        inScope(contract.regionCode, user.regionCode) ||
        AuthorizationResponse.deny('Not found', 404)
      )
    if (user.role === 'parent' || user.orgType === 'institution')
      return AuthorizationResponse.deny('Not found', 404)
    return AuthorizationResponse.deny('Forbidden', 403)
  }
}
