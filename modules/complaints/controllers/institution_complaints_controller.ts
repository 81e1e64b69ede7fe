import type { HttpContext } from '@adonisjs/core/http'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { todayIso } from '#kernel/shared/dates'
import { actingInstitutionId } from '#modules/identity'
import { RespondAsInstitution } from '../actions/respond_as_institution.js'
import ComplaintPolicy from '../policies/complaint_policy.js'
import { caseDetail, findCase, institutionCases, institutionTrail } from '../queries/cases.js'
import { complaintMessages, idParam } from '../services/http.js'
import { responseValidator } from '../validators/complaint.js'

/** The institution's customer service: complaints about it, answered within the deadline. Complainants are masked. */
export default class InstitutionComplaintsController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(ComplaintPolicy).authorize('institutionIndex')
    const institutionId = actingInstitutionId(ctx)
    const tab = ctx.request.input('tab') === 'all' ? 'all' : 'todo'
    const cases = await institutionCases(institutionId, tab, ctx.request.input('page'))
    cases.baseUrl(ctx.request.url()).queryString({ tab })
    return ctx.view.render('complaints::institution/index', { cases, tab, today: todayIso() })
  }

  async show(ctx: HttpContext) {
    const complaint = await findCase(idParam(ctx.params.id))
    if (!complaint) throw new NotFoundException()
    await ctx.bouncer.with(ComplaintPolicy).authorize('institutionShow', complaint)
    const detail = await caseDetail(complaint)
    return ctx.view.render('complaints::institution/show', {
      complaint: detail,
      steps: institutionTrail(detail),
    })
  }

  async respond(ctx: HttpContext) {
    const complaint = await findCase(idParam(ctx.params.id))
    if (!complaint) throw new NotFoundException()
    await ctx.bouncer.with(ComplaintPolicy).authorize('respond', complaint)
    const { response } = await ctx.request.validateUsing(responseValidator, {
      messagesProvider: complaintMessages(ctx),
    })
    await new RespondAsInstitution().handle(ctx.auth.getUserOrFail(), complaint.id, response)
    ctx.session.flash('success', ctx.i18n.t('complaints.done.responded'))
    return ctx.response.redirect().toRoute('institution_complaints.show', { id: complaint.id })
  }
}
