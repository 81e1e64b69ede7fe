/* No Bouncer policy: the one-time link is the credential. */
import type { HttpContext } from '@adonisjs/core/http'
import { SetPasswordWithLink, findUsableLink } from '../actions/set_password_with_link.js'
import { requestMeta } from '../services/audit_log.js'
import { setPasswordValidator } from '../validators/password.js'

/** The page a one-time link opens: choose a password, then you are signed in. */
export default class PasswordLinksController {
  async show({ params, view, response }: HttpContext) {
    const link = await findUsableLink(params.token)
    if (!link) {
      response.status(410)
      return view.render('identity::password_links/invalid')
    }
    return view.render('identity::password_links/show', {
      token: params.token,
      name: link.displayName,
    })
  }

  async store(ctx: HttpContext) {
    const { params, request, response, auth, session } = ctx
    if (!(await findUsableLink(params.token))) {
      response.status(410)
      return ctx.view.render('identity::password_links/invalid')
    }
    const { password } = await request.validateUsing(setPasswordValidator)
    const user = await new SetPasswordWithLink().handle(params.token, password, requestMeta(ctx))
    await auth.use('web').login(user)
    if (session.supportsTagging()) await session.tag(String(user.id))
    session.flash('success', ctx.i18n.t('identity.password_link.done'))
    return response.redirect(user.homePath)
  }
}
