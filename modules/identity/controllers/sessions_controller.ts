/* No Bouncer policy: signing in and out, before there is anyone to authorize. */
import type { HttpContext } from '@adonisjs/core/http'
import { localPath } from '#kernel/shared/safe_redirect'
import { SignIn } from '../actions/sign_in.js'
import { recordAudit, requestMeta } from '../services/audit_log.js'
import { signInValidator } from '../validators/session.js'

export default class SessionsController {
  async create({ view, request }: HttpContext) {
    return view.render('identity::sessions/create', { next: localPath(request.input('next')) })
  }

  async store(ctx: HttpContext) {
    const { request, response, auth, session } = ctx
    const { identifier, password, next } = await request.validateUsing(signInValidator)
    const user = await new SignIn().handle({ identifier, password, meta: requestMeta(ctx) })
    /* login() gives the session a new id, so an id planted before sign-in is useless afterwards. */
    await auth.use('web').login(user)
    if (session.supportsTagging()) await session.tag(String(user.id))
    /* Only same-site paths: a crafted ?next= cannot send people to another site. */
    return response.redirect(localPath(next) ?? user.homePath)
  }

  async destroy(ctx: HttpContext) {
    const { auth, response, session } = ctx
    const user = auth.user
    await auth.use('web').logout()
    if (user) {
      await recordAudit({
        action: 'auth.signed_out',
        actor: user,
        subjectType: 'user',
        subjectId: user.id,
        regionCode: user.regionCode,
        meta: requestMeta(ctx),
      })
    }
    session.flash('success', ctx.i18n.t('identity.sign_in.signed_out'))
    return response.redirect('/')
  }
}
