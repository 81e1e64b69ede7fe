import type { HttpContext } from '@adonisjs/core/http'
import { applyRegionScope } from '#modules/identity'
import { AddProhibitedPerson, RevokeProhibitedPerson } from '../actions/manage_prohibited_persons.js'
import { ImportProhibitedPersons } from '../actions/import_prohibited_persons.js'
import ProhibitedPerson from '../models/prohibited_person.js'
import { isBureau } from '../services/authority.js'
import { prohibitedPersonValidator, spreadsheetValidator } from '../validators/registry.js'
import { ForbiddenException } from '#kernel/exceptions/forbidden_exception'
import { inScope } from '#modules/identity'

function bureauManager(ctx: HttpContext) {
  const user = ctx.auth.getUserOrFail()
  if (!isBureau(user) || user.adminLevel === 'subunit') throw new ForbiddenException()
  return user
}

/**
 * Management terminal: the prohibited-persons list (从业禁止人员库). Every
 * bureau checks against the whole national list; each adds and revokes
 * entries of its own region.
 */
export default class ProhibitedPersonsController {
  async index(ctx: HttpContext) {
    const user = bureauManager(ctx)
    const people = await ProhibitedPerson.query()
      .whereNull('revokedAt')
      .whereIn('regionCode', (q) => {
        applyRegionScope(q.from('regions').select('code'), user.regionCode, { province: 'province_code', city: 'city_code', county: 'code' })
      })
      .orderBy('id', 'desc')
      .paginate(Number(ctx.request.input('page', 1)) || 1, 30)
    people.baseUrl(ctx.request.url())
    const rowErrors = ctx.session.flashMessages.get('importErrors') ?? []
    return ctx.view.render('registry::prohibited/index', { people, rowErrors })
  }

  async store(ctx: HttpContext) {
    const user = bureauManager(ctx)
    const input = await ctx.request.validateUsing(prohibitedPersonValidator)
    await new AddProhibitedPerson().handle(user, input)
    ctx.session.flash('success', ctx.i18n.t('registry.prohibited.added'))
    return ctx.response.redirect().toRoute('prohibited.index')
  }

  async import(ctx: HttpContext) {
    const user = bureauManager(ctx)
    const { file } = await ctx.request.validateUsing(spreadsheetValidator)
    const result = await new ImportProhibitedPersons().handle(user, file)
    if (result.errors.length) {
      ctx.session.flash('importErrors', result.errors)
      ctx.session.flash('error', ctx.i18n.t('registry.prohibited.import_errors', { count: result.errors.length }))
    } else {
      ctx.session.flash('success', ctx.i18n.t('registry.prohibited.imported', { added: result.added, skipped: result.skipped }))
    }
    return ctx.response.redirect().toRoute('prohibited.index')
  }

  async revoke(ctx: HttpContext) {
    const user = bureauManager(ctx)
    const person = await ProhibitedPerson.findOrFail(Number(ctx.params.id) || 0)
    if (!inScope(person.regionCode, user.regionCode)) return ctx.response.notFound()
    const reason = String(ctx.request.input('reason', '')).trim()
    await new RevokeProhibitedPerson().handle(user, person, reason || '—')
    ctx.session.flash('success', ctx.i18n.t('registry.prohibited.revoked'))
    return ctx.response.redirect().toRoute('prohibited.index')
  }
}
