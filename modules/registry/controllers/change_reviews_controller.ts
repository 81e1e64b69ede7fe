import type { HttpContext } from '@adonisjs/core/http'
import { DecideChange } from '../actions/decide_change.js'
import ChangeRequest from '../models/change_request.js'
import Institution from '../models/institution.js'
import InstitutionPolicy from '../policies/institution_policy.js'
import { pendingChanges } from '../queries/admin_queries.js'
import { decisionCommentValidator } from '../validators/registry.js'

async function requestAndInstitution(ctx: HttpContext) {
  const request = await ChangeRequest.findOrFail(Number(ctx.params.id) || 0)
  const institution = await Institution.findOrFail(request.institutionId)
  await ctx.bouncer.with(InstitutionPolicy).authorize('decide', institution)
  return request
}

/** Management terminal: key-fact change requests of the institutions this bureau is responsible for. */
export default class ChangeReviewsController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(InstitutionPolicy).authorize('index')
    return ctx.view.render('registry::change_reviews/index', {
      items: await pendingChanges(ctx.auth.getUserOrFail()),
    })
  }

  async approve(ctx: HttpContext) {
    const request = await requestAndInstitution(ctx)
    const comment = ctx.request.input('comment') || null
    await new DecideChange().approve(ctx.auth.getUserOrFail(), request.id, comment)
    ctx.session.flash('success', ctx.i18n.t('registry.changes.approved'))
    return ctx.response.redirect().toRoute('change_reviews.index')
  }

  async reject(ctx: HttpContext) {
    const request = await requestAndInstitution(ctx)
    const { comment } = await ctx.request.validateUsing(decisionCommentValidator)
    await new DecideChange().reject(ctx.auth.getUserOrFail(), request.id, comment)
    ctx.session.flash('success', ctx.i18n.t('registry.changes.rejected'))
    return ctx.response.redirect().toRoute('change_reviews.index')
  }
}
