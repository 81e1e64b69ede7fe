import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type { CurrentUser } from '#modules/identity'
import type Institution from '../models/institution.js'
import {
  canInspect,
  canSee,
  isBureau,
  isInstitutionOwner,
  isResponsibleBureau,
  ownsInstitution,
} from '../services/authority.js'

/* Outside the bureau's region an institution answers 404, as if it did not exist. */
const hidden = (user: CurrentUser) =>
  isBureau(user)
    ? AuthorizationResponse.deny('Not found', 404)
    : AuthorizationResponse.deny('Forbidden', 403)

export default class InstitutionPolicy extends BasePolicy {
  index(user: CurrentUser) {
    return isBureau(user)
  }

  show(user: CurrentUser, institution: Institution) {
    return canSee(user, institution) || hidden(user)
  }

  /** Approve or return a filing; override the list; remove or restore. */
  decide(user: CurrentUser, institution: Institution) {
    if (!canSee(user, institution)) return hidden(user)
    return isResponsibleBureau(user, institution)
  }

  inspect(user: CurrentUser, institution: Institution) {
    if (!canSee(user, institution)) return hidden(user)
    return canInspect(user, institution)
  }

  /** The institution's own accounts, owner and staff alike: reading its pages and documents. */
  own(user: CurrentUser, institution: Institution) {
    return ownsInstitution(user, institution.id) || AuthorizationResponse.deny('Not found', 404)
  }

  /**
   * What binds the institution towards the bureau is for its owner only
   * (security review finding 25a): the filing and its submission, key-fact
   * change requests, hiring and letting staff go (the admission check looks
   * a person up in the prohibited-persons list), rectification reports.
   * Staff record attendance and answer customers.
   */
  administer(user: CurrentUser, institution: Institution) {
    if (!ownsInstitution(user, institution.id)) return AuthorizationResponse.deny('Not found', 404)
    return (
      isInstitutionOwner(user) ||
      AuthorizationResponse.deny('Forbidden', 403).t('registry.authority.owner_only')
    )
  }

  /** The first part of a filing creates the institution: only an owner account that acts for none yet. */
  startFiling(user: CurrentUser) {
    if (!isInstitutionOwner(user))
      return AuthorizationResponse.deny('Forbidden', 403).t('registry.authority.owner_only')
    return !user.orgId || AuthorizationResponse.deny('Not found', 404)
  }
}
