import { symbols } from '@adonisjs/auth'
import type { SessionGuardUser, SessionUserProviderContract } from '@adonisjs/auth/types/session'
import User from '../models/user.js'
import { CurrentUser } from './current_user.js'

/*
| Session look-ups go through here on every request. A disabled or
| not-yet-activated account is treated as signed out at once, on every
| instance, whatever session cookie it still holds.
*/
export class CurrentUserProvider implements SessionUserProviderContract<CurrentUser> {
  declare [symbols.PROVIDER_REAL_USER]: CurrentUser

  async createUserForGuard(user: CurrentUser): Promise<SessionGuardUser<CurrentUser>> {
    return { getId: () => user.id, getOriginal: () => user }
  }

  async findById(
    identifier: string | number | BigInt
  ): Promise<SessionGuardUser<CurrentUser> | null> {
    const row = await User.find(Number(identifier))
    if (!row || row.status !== 'active') return null
    return this.createUserForGuard(new CurrentUser(row))
  }
}
