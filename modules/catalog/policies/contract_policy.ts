import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import { type CurrentUser, actsForInstitution, inScope } from '#modules/identity'
import { isBureau } from '#modules/registry'
import type Contract from '../models/contract.js'

/** A signed contract is seen by its parent, its institution and the bureaus of its region; to anyone else it does not exist. */
export default class ContractPolicy extends BasePolicy {
  /** Reading a course's terms and signing them: a parent (the course must be on sale, which the action checks). */
  sign(user: CurrentUser) {
    return user.role === 'parent'
  }

  /** The parent's own contracts. */
  parentIndex(user: CurrentUser) {
    return user.role === 'parent'
  }

  /** The institution's contracts (an owner who has not filed yet sees an empty list). */
  institutionIndex(user: CurrentUser) {
    return user.role === 'institution_owner' || user.role === 'institution_staff'
  }

  /** The contracts of a bureau's region, sub-units included. */
  manageIndex(user: CurrentUser) {
    return isBureau(user)
  }

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
