import type { HttpContext } from '@adonisjs/core/http'
import { ChangeAccountStatus } from '../actions/change_account_status.js'
import { CreateAccount } from '../actions/create_account.js'
import { RevealPhone } from '../actions/reveal_phone.js'
import AccountPolicy from '../policies/account_policy.js'
import { findAccount } from '../queries/find_account.js'
import { ListAccounts } from '../queries/list_accounts.js'
import { creatableKinds } from '../services/account_rules.js'
import { requestMeta } from '../services/audit_log.js'
import { regionTree } from '../services/region_tree.js'
import {
  accountFiltersValidator,
  createAccountValidator,
  disableAccountValidator,
} from '../validators/account.js'

/** Management terminal: accounts of the level below (2018 manual, 区县下属单位维护). */
export default class AccountsController {
  async index({ bouncer, request, view, auth }: HttpContext) {
    await bouncer.with(AccountPolicy).authorize('index')
    const filters = await accountFiltersValidator.validate(request.qs())
    const accounts = await new ListAccounts().handle(auth.getUserOrFail(), filters)
    accounts.baseUrl(request.url())
    accounts.queryString({ role: filters.role, status: filters.status, q: filters.q })
    return view.render('identity::accounts/index', {
      accounts,
      filters,
      regionName: (code: string) => regionTree.fullName(code),
      canCreate: await bouncer.with(AccountPolicy).allows('create'),
    })
  }

  async create({ bouncer, view, auth }: HttpContext) {
    await bouncer.with(AccountPolicy).authorize('create')
    return view.render('identity::accounts/create', { kinds: creatableKinds(auth.getUserOrFail()) })
  }

  async store(ctx: HttpContext) {
    const { bouncer, request, response, auth, session } = ctx
    await bouncer.with(AccountPolicy).authorize('create')
    const { kind, ...input } = await request.validateUsing(createAccountValidator)
    const [role, adminLevel] = kind.split(':')
    const account = await new CreateAccount().handle(
      auth.getUserOrFail(),
      { ...input, role: role!, adminLevel: adminLevel ?? null },
      requestMeta(ctx)
    )
    session.flash(
      'success',
      ctx.i18n.t('identity.accounts.created', { phone: account.phoneMasked })
    )
    return response.redirect().toRoute('accounts.show', { id: account.id })
  }

  async show({ bouncer, params, view }: HttpContext) {
    const account = await findAccount(params.id)
    await bouncer.with(AccountPolicy).authorize('show', account)
    return view.render('identity::accounts/show', {
      account,
      regionName: regionTree.fullName(account.regionCode ?? ''),
    })
  }

  async revealPhone(ctx: HttpContext) {
    const { bouncer, params, view, auth } = ctx
    const account = await findAccount(params.id)
    await bouncer.with(AccountPolicy).authorize('revealPhone', account)
    const phone = await new RevealPhone().handle(auth.getUserOrFail(), account, requestMeta(ctx))
    return view.render('identity::accounts/_phone', { account, phone })
  }

  async disable(ctx: HttpContext) {
    const { bouncer, params, request, response, auth, session } = ctx
    const account = await findAccount(params.id)
    await bouncer.with(AccountPolicy).authorize('update', account)
    const { reason } = await request.validateUsing(disableAccountValidator)
    await new ChangeAccountStatus().disable(auth.getUserOrFail(), account, reason, requestMeta(ctx))
    session.flash('success', ctx.i18n.t('identity.accounts.disabled'))
    return response.redirect().toRoute('accounts.show', { id: account.id })
  }

  async enable(ctx: HttpContext) {
    const { bouncer, params, response, auth, session } = ctx
    const account = await findAccount(params.id)
    await bouncer.with(AccountPolicy).authorize('update', account)
    await new ChangeAccountStatus().enable(auth.getUserOrFail(), account, requestMeta(ctx))
    session.flash('success', ctx.i18n.t('identity.accounts.enabled'))
    return response.redirect().toRoute('accounts.show', { id: account.id })
  }

  async reset(ctx: HttpContext) {
    const { bouncer, params, response, auth, session } = ctx
    const account = await findAccount(params.id)
    await bouncer.with(AccountPolicy).authorize('update', account)
    await new ChangeAccountStatus().reset(auth.getUserOrFail(), account, requestMeta(ctx))
    session.flash(
      'success',
      ctx.i18n.t('identity.accounts.reset_done', { phone: account.phoneMasked })
    )
    return response.redirect().toRoute('accounts.show', { id: account.id })
  }
}
