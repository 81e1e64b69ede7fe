import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import { DomainError } from '#kernel/exceptions/domain_error'
import User from '../models/user.js'
import { type RequestMeta, recordAudit } from '../services/audit_log.js'
import type { CurrentUser } from '../services/current_user.js'

/** A signed-in person changes their password (2018 manual: 修改密码). */
export class ChangeOwnPassword {
  async handle(actor: CurrentUser, currentPassword: string, newPassword: string, meta: RequestMeta) {
    const user = await User.findOrFail(actor.id)
    if (!user.password || !(await hash.verify(user.password, currentPassword))) {
      throw new DomainError('identity.password.current_wrong', {}, { field: 'currentPassword' })
    }
    user.password = await hash.make(newPassword)
    user.passwordSetAt = DateTime.now()
    await user.save()
    await recordAudit({ action: 'account.password_changed', actor, subjectType: 'user', subjectId: user.id, regionCode: user.regionCode, meta })
  }
}
