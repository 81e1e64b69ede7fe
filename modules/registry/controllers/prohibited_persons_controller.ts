import type { HttpContext } from '@adonisjs/core/http'
import {
  AddProhibitedPerson,
  RevokeProhibitedPerson,
} from '../actions/manage_prohibited_persons.js'
import { UploadProhibitedList } from '../actions/upload_prohibited_list.js'
import ImportProhibitedPersonsJob from '../jobs/import_prohibited_persons_job.js'
import ImportBatch from '../models/import_batch.js'
import ProhibitedPerson from '../models/prohibited_person.js'
import ProhibitedPersonPolicy from '../policies/prohibited_person_policy.js'
import { prohibitedPersonValidator, spreadsheetValidator } from '../validators/registry.js'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { whereRegionCodeWithin } from '#modules/identity'

/**
 * Management terminal: the prohibited-persons list (从业禁止人员库). Every
 * bureau checks against the whole national list; each adds and revokes
 * entries of its own region.
 */
export default class ProhibitedPersonsController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(ProhibitedPersonPolicy).authorize('index')
    const user = ctx.auth.getUserOrFail()
    const people = await whereRegionCodeWithin(
      ProhibitedPerson.query().whereNull('revokedAt'),
      'regionCode',
      user.regionCode
    )
      .orderBy('id', 'desc')
      .paginate(Number(ctx.request.input('page', 1)) || 1, 30)
    people.baseUrl(ctx.request.url())
    const imports = await ImportBatch.query()
      .where('kind', 'prohibited_persons')
      .where('uploadedById', user.id)
      .orderBy('id', 'desc')
      .limit(5)
    return ctx.view.render('registry::prohibited/index', { people, imports })
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(ProhibitedPersonPolicy).authorize('add')
    const user = ctx.auth.getUserOrFail()
    const input = await ctx.request.validateUsing(prohibitedPersonValidator)
    await new AddProhibitedPerson().handle(user, input)
    ctx.session.flash('success', ctx.i18n.t('registry.prohibited.added'))
    return ctx.response.redirect().toRoute('prohibited.index')
  }

  async import(ctx: HttpContext) {
    await ctx.bouncer.with(ProhibitedPersonPolicy).authorize('add')
    const user = ctx.auth.getUserOrFail()
    const { file } = await ctx.request.validateUsing(spreadsheetValidator)
    /* The file is parsed by the import job; this request only keeps it. */
    const batch = await new UploadProhibitedList().handle(user, file)
    await ImportProhibitedPersonsJob.dispatch({ batchId: batch.id })
    ctx.session.flash('success', ctx.i18n.t('registry.prohibited.uploaded'))
    return ctx.response.redirect().toRoute('prohibited.index')
  }

  async revoke(ctx: HttpContext) {
    const person = await ProhibitedPerson.find(Number(ctx.params.id) || 0)
    await ctx.bouncer.with(ProhibitedPersonPolicy).authorize('revoke', person)
    if (!person) throw new NotFoundException()
    const user = ctx.auth.getUserOrFail()
    const reason = String(ctx.request.input('reason', '')).trim()
    await new RevokeProhibitedPerson().handle(user, person, reason || '—')
    ctx.session.flash('success', ctx.i18n.t('registry.prohibited.revoked'))
    return ctx.response.redirect().toRoute('prohibited.index')
  }
}
