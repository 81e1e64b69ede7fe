import type { HttpContext } from '@adonisjs/core/http'
import { RegisterSupervisingBank } from '../actions/register_supervising_bank.js'
import SupervisingBankPolicy from '../policies/supervising_bank_policy.js'
import { supervisingBanks } from '../queries/supervising_banks.js'
import { supervisingBankValidator } from '../validators/supervision.js'

/** Management terminal: the register of supervising banks a filing may name. */
export default class SupervisingBanksController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(SupervisingBankPolicy).authorize('index')
    const user = ctx.auth.getUserOrFail()
    return ctx.view.render('registry::banks/index', {
      banks: await supervisingBanks(),
      canRegister: await ctx.bouncer.with(SupervisingBankPolicy).allows('register'),
      ownRegion: user.regionCode,
    })
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(supervisingBankValidator)
    await ctx.bouncer.with(SupervisingBankPolicy).authorize('register', input.regionCode)
    const bank = await new RegisterSupervisingBank().handle(ctx.auth.getUserOrFail(), input)
    ctx.session.flash('success', ctx.i18n.t('registry.banks.registered', { name: bank.name }))
    return ctx.response.redirect().toRoute('supervising_banks.index')
  }
}
