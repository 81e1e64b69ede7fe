import { BasePolicy } from '@adonisjs/bouncer'
import type { CurrentUser } from '../services/current_user.js'

/* The platform's stuck work spans every province: only the ministry's operators see and requeue it. */
export default class OperationsPolicy extends BasePolicy {
  manage(user: CurrentUser) {
    return user.role === 'admin' && user.adminLevel === 'ministry'
  }
}
