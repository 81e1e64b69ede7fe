import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type { CurrentUser } from '#modules/identity'
import { isBureau } from '#modules/registry'
import type ReportExport from '../models/report_export.js'

/*
| An export belongs to the bureau account (sub-units included) that asked
| for it: anyone else, however senior, is told it does not exist (404),
| after the role is asked (403).
*/
export default class ReportExportPolicy extends BasePolicy {
  own(user: CurrentUser, record: Pick<ReportExport, 'ownerUserId'> | null) {
    if (!isBureau(user)) return false
    return record?.ownerUserId === user.id || AuthorizationResponse.deny('Not found', 404)
  }
}
