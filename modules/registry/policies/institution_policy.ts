import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type { CurrentUser } from '#modules/identity'
import type Institution from '../models/institution.js'
import { canInspect, canSee, isBureau, isResponsibleBureau, ownsInstitution } from '../services/authority.js'

/* Outside the bureau's region an institution answers 404, as if it did not exist. */
const hidden = (user: CurrentUser) =>
  isBureau(user) ? AuthorizationResponse.deny('Not found', 404) : AuthorizationResponse.deny('Forbidden', 403)

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

  /** The institution's own accounts. */
  own(user: CurrentUser, institution: Institution) {
    return ownsInstitution(user, institution.id) || AuthorizationResponse.deny('Not found', 404)
  }
}
