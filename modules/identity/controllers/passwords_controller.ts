/* No Bouncer policy: one's own password, for anyone signed in, confirmed with the current one. */
import type { HttpContext } from '@adonisjs/core/http'
import { ChangeOwnPassword } from '../actions/change_own_password.js'
import { requestMeta } from '../services/audit_log.js'
import { changePasswordValidator } from '../validators/password.js'

export default class PasswordsController {
  async edit({ view }: HttpContext) {
    return view.render('identity::passwords/edit')
  }

  async update(ctx: HttpContext) {
    const { request, response, auth, session } = ctx
    const { currentPassword, password } = await request.validateUsing(changePasswordValidator)
    await new ChangeOwnPassword().handle(auth.getUserOrFail(), {
      currentPassword,
      newPassword: password,
      sessionId: session.sessionId,
      meta: requestMeta(ctx),
    })
    session.flash('success', ctx.i18n.t('identity.password.changed'))
    return response.redirect().toRoute('passwords.edit')
  }
}
