import { BasePolicy } from '@adonisjs/bouncer'
import type { CurrentUser } from '../services/current_user.js'

/* Bureau admins (not sub-units) read the audit log of their region and below. */
export default class AuditPolicy extends BasePolicy {
  index(user: CurrentUser) {
    return user.role === 'admin' && user.adminLevel !== 'subunit' && !!user.regionCode
  }
}
