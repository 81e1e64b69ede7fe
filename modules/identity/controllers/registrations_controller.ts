/* No Bouncer policy: sign-up is for guests (guest middleware). */
import type { HttpContext } from '@adonisjs/core/http'
import { maskPhone } from '#kernel/shared/personal_data'
import { RegisterParent } from '../actions/register_parent.js'
import { SendVerificationCode } from '../actions/send_verification_code.js'
import { requestMeta } from '../services/audit_log.js'
import { registerValidator, requestCodeValidator } from '../validators/registration.js'

const PHONE_KEY = 'register.phone'
const AS_KEY = 'register.as'

/** Parent sign-up in two steps: prove the phone with a texted code, then choose a name and password. */
export default class RegistrationsController {
  async create({ view, session, request }: HttpContext) {
    const as = request.input('as')
    if (as === 'institution' || as === 'parent') session.put(AS_KEY, as)
    const phone = session.get(PHONE_KEY) as string | undefined
    return view.render('identity::registrations/create', {
      phone: phone ?? null,
      phoneMasked: phone ? maskPhone(phone) : null,
      as: session.get(AS_KEY) === 'institution' ? 'institution' : 'parent',
    })
  }

  async sendCode(ctx: HttpContext) {
    const { request, response, session } = ctx
    const { phone } = await request.validateUsing(requestCodeValidator)
    await new SendVerificationCode().handle({ phone, purpose: 'register', meta: requestMeta(ctx) })
    session.put(PHONE_KEY, phone)
    session.flash('success', ctx.i18n.t('identity.code.sent', { phone: maskPhone(phone) }))
    return response.redirect().toRoute('registrations.create')
  }

  async changePhone({ session, response }: HttpContext) {
    session.forget(PHONE_KEY)
    return response.redirect().toRoute('registrations.create')
  }

  async store(ctx: HttpContext) {
    const { request, response, session, auth } = ctx
    const phone = session.get(PHONE_KEY) as string | undefined
    if (!phone) return response.redirect().toRoute('registrations.create')
    const input = await request.validateUsing(registerValidator)
    const role = session.get(AS_KEY) === 'institution' ? 'institution_owner' : 'parent'
    const user = await new RegisterParent().handle({
      ...input,
      role,
      phone,
      meta: requestMeta(ctx),
    })
    session.forget(PHONE_KEY)
    session.forget(AS_KEY)
    await auth.use('web').login(user)
    if (session.supportsTagging()) await session.tag(String(user.id))
    session.flash('success', ctx.i18n.t('identity.register.welcome'))
    return response.redirect(user.homePath)
  }
}
