import type { HttpContext } from '@adonisjs/core/http'
import { DomainError } from '#kernel/exceptions/domain_error'
import { CHANGEABLE, RequestChange, currentFacts } from '../actions/request_change.js'
import ChangeRequest from '../models/change_request.js'
import { currentInstitution } from '../queries/current_institution.js'
import { changeRequestValidator } from '../validators/registry.js'
import InstitutionPolicy from '../policies/institution_policy.js'

/** Institution terminal: key-fact changes after approval (Art. 12). */
export default class ChangeRequestsController {
  async index(ctx: HttpContext) {
    const institution = await currentInstitution(ctx.auth.getUserOrFail())
    const requests = institution
      ? await ChangeRequest.query().where('institutionId', institution.id).orderBy('id', 'desc')
      : []
    return ctx.view.render('registry::changes/index', {
      institution,
      requests,
      facts: institution ? currentFacts(institution) : null,
      changeable: CHANGEABLE,
      pending: requests.some((r) => r.status === 'pending'),
    })
  }

  async store(ctx: HttpContext) {
    const institution = await currentInstitution(ctx.auth.getUserOrFail())
    if (!institution) throw new DomainError('registry.changes.not_approved', {}, { status: 404 })
    await ctx.bouncer.with(InstitutionPolicy).authorize('administer', institution)
    const { reason, evidence, ...proposed } =
      await ctx.request.validateUsing(changeRequestValidator)
    await new RequestChange().handle(
      ctx.auth.getUserOrFail(),
      institution,
      proposed,
      reason,
      evidence
    )
    ctx.session.flash('success', ctx.i18n.t('registry.changes.requested'))
    return ctx.response.redirect().toRoute('changes.index')
  }
}
