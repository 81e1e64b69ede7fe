import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import { type CurrentUser, inScope } from '#modules/identity'
import { type InstitutionSummary, canSee, isBureau, isResponsibleBureau } from '#modules/registry'
import type FundAnomaly from '../models/fund_anomaly.js'

/*
| Fund supervision (Art. 13, 14) for bureaus, sub-units included, each in
| its own region and below. The role is asked first (403), then the
| record: missing or outside the region, an institution or an anomaly does
| not exist (404). Refunding everything and resolving a rejected bank
| instruction are the responsible bureau's; a red anomaly (money may have
| left supervision) is closed by a bureau, not a sub-unit (街道教育办).
*/
const notFound = () => AuthorizationResponse.deny('Not found', 404)

export default class SupervisionPolicy extends BasePolicy {
  index(user: CurrentUser) {
    return isBureau(user)
  }

  institution(user: CurrentUser, institution: InstitutionSummary | null) {
    if (!isBureau(user)) return false
    return (!!institution && canSee(user, institution)) || notFound()
  }

  refundAll(user: CurrentUser, institution: InstitutionSummary | null) {
    if (!isBureau(user)) return false
    if (!institution || !canSee(user, institution)) return notFound()
    return isResponsibleBureau(user, institution)
  }

  /** Re-issuing or reversing a rejected instruction of the institution's supervised account. */
  resolveInstruction(user: CurrentUser, institution: InstitutionSummary | null) {
    if (!isBureau(user)) return false
    if (!institution || !canSee(user, institution)) return notFound()
    return isResponsibleBureau(user, institution)
  }

  anomalies(user: CurrentUser) {
    return isBureau(user)
  }

  closeAnomaly(user: CurrentUser, anomaly: Pick<FundAnomaly, 'regionCode' | 'severity'> | null) {
    if (!isBureau(user)) return false
    if (!anomaly || !inScope(anomaly.regionCode, user.regionCode)) return notFound()
    return anomaly.severity !== 'red' || user.adminLevel !== 'subunit'
  }
}
