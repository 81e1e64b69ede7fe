/*
| Who reads and keeps the school register (services/keepers.ts). A role
| that is no bureau gets 403; a school outside the bureau's region, 404;
| a bureau that only reads (a sub-unit, a province), 403 on a change.
*/
import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type { CurrentUser } from '#modules/identity'
import {
  isBureau,
  keepsSchool,
  keptRegions,
  opensAccountsOf,
  seesSchool,
} from '../services/keepers.js'

type SchoolRef = { regionCode: string; open: boolean }

const notFound = () => AuthorizationResponse.deny('Not found', 404)

export default class SchoolPolicy extends BasePolicy {
  index(user: CurrentUser) {
    return isBureau(user)
  }

  show(user: CurrentUser, school: SchoolRef) {
    if (!isBureau(user)) return false
    return seesSchool(user, school) || notFound()
  }

  create(user: CurrentUser) {
    return keptRegions(user).length > 0
  }

  /** Editing and closing: open schools the bureau keeps; a closed school is read only. */
  update(user: CurrentUser, school: SchoolRef) {
    if (!isBureau(user)) return false
    if (!seesSchool(user, school)) return notFound()
    return school.open && keepsSchool(user, school)
  }

  openAccount(user: CurrentUser, school: SchoolRef) {
    if (!isBureau(user)) return false
    if (!seesSchool(user, school)) return notFound()
    return school.open && opensAccountsOf(user, school)
  }

  disableAccount(user: CurrentUser, school: SchoolRef) {
    if (!isBureau(user)) return false
    if (!seesSchool(user, school)) return notFound()
    return opensAccountsOf(user, school)
  }
}
