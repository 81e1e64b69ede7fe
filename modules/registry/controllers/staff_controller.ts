import type { HttpContext } from '@adonisjs/core/http'
import { DomainError } from '#kernel/exceptions/domain_error'
import { AddStaff } from '../actions/add_staff.js'
import { LeaveStaff } from '../actions/leave_staff.js'
import Staff from '../models/staff.js'
import { currentInstitution } from '../queries/current_institution.js'
import { DocumentRejected } from '../services/documents.js'
import { staffValidator } from '../validators/registry.js'
import { assertMayCheckStaff } from '../services/admission_limits.js'
import type Institution from '../models/institution.js'
import InstitutionPolicy from '../policies/institution_policy.js'

/* Hiring and letting go are the owner's; staff accounts may only read the list. */
async function ownInstitution(ctx: HttpContext): Promise<Institution> {
  const institution = await currentInstitution(ctx.auth.getUserOrFail())
  if (!institution) throw new DomainError('registry.staff.no_institution', {}, { status: 404 })
  await ctx.bouncer.with(InstitutionPolicy).authorize('administer', institution)
  return institution
}

/** Institution terminal: staff with the admission check (教监管厅函〔2023〕9号). */
export default class StaffController {
  async index(ctx: HttpContext) {
    const institution = await currentInstitution(ctx.auth.getUserOrFail())
    const staff = institution
      ? await Staff.query()
          .where('institutionId', institution.id)
          .orderByRaw(`CASE status WHEN 'hired' THEN 0 WHEN 'blocked' THEN 1 ELSE 2 END`)
          .orderBy('id', 'desc')
      : []
    const canManage =
      !!institution && (await ctx.bouncer.with(InstitutionPolicy).allows('administer', institution))
    return ctx.view.render('registry::staff/index', {
      institution,
      staff,
      canManage,
      canHire: canManage && institution!.isPublic,
    })
  }

  async create(ctx: HttpContext) {
    assertMayCheckStaff(await ownInstitution(ctx))
    return ctx.view.render('registry::staff/create')
  }

  async store(ctx: HttpContext) {
    const { request, response, session, i18n } = ctx
    const institution = await ownInstitution(ctx)
    const input = await request.validateUsing(staffValidator)
    try {
      const { result } = await new AddStaff().handle(ctx.auth.getUserOrFail(), institution, {
        ...input,
        subjects: input.subjects ?? [],
        teachesAcademic: !!input.teachesAcademic,
        declaresNotServingTeacher: !!input.declaresNotServingTeacher,
        photo: input.photo ?? null,
      })
      /* A list match is told as "cannot be hired", never why; the bureau sees the reason. */
      if (result === 'passed') session.flash('success', i18n.t('registry.staff.hired'))
      else session.flash('error', i18n.t(`registry.staff.blocked.${result}`))
    } catch (error) {
      if (!(error instanceof DocumentRejected)) throw error
      session.flashExcept(['_csrf', 'idNumber'])
      session.flash('error', i18n.t(error.messageKey))
      return response.redirect().back()
    }
    return response.redirect().toRoute('staff.index')
  }

  async leave(ctx: HttpContext) {
    const institution = await ownInstitution(ctx)
    const staff = await Staff.query()
      .where('id', Number(ctx.params.id) || 0)
      .where('institutionId', institution.id)
      .firstOrFail()
    await new LeaveStaff().handle(ctx.auth.getUserOrFail(), staff, institution.regionCode)
    ctx.session.flash('success', ctx.i18n.t('registry.staff.left'))
    return ctx.response.redirect().toRoute('staff.index')
  }
}
