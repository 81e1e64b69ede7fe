import type { HttpContext } from '@adonisjs/core/http'
import { recordAudit, requestMeta } from '#modules/identity'
import { unseal } from '#kernel/shared/personal_data'
import { ClearListOverride } from '../actions/clear_list_override.js'
import { OverrideListStatus } from '../actions/override_list_status.js'
import { RemoveInstitution } from '../actions/remove_institution.js'
import { RestoreInstitution } from '../actions/restore_institution.js'
import Finding from '../models/finding.js'
import ListChange from '../models/list_change.js'
import Staff from '../models/staff.js'
import ChangeRequest from '../models/change_request.js'
import InstitutionPolicy from '../policies/institution_policy.js'
import { listInstitutions } from '../queries/admin_queries.js'
import { findInstitution } from '../queries/current_institution.js'
import { overrideValidator, removalValidator } from '../validators/registry.js'
import { pickedRegion, regionPicker } from '../services/region_picker.js'

/** Management terminal: institutions of the bureau's region. */
export default class InstitutionsAdminController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(InstitutionPolicy).authorize('index')
    const user = ctx.auth.getUserOrFail()
    const qs = ctx.request.qs()
    const region = pickedRegion(qs, 'region')
    const filters = {
      q: typeof qs.q === 'string' ? qs.q.trim().slice(0, 64) : undefined,
      list: ['none', 'white', 'grey', 'black'].includes(qs.list) ? qs.list : undefined,
      filing: ['draft', 'submitted', 'returned', 'approved'].includes(qs.filing)
        ? qs.filing
        : undefined,
      removed: qs.removed === '1',
      region,
      page: Number(qs.page) || 1,
    }
    const institutions = await listInstitutions(user, filters)
    institutions.baseUrl(ctx.request.url())
    institutions.queryString({ ...qs, page: undefined })
    return ctx.view.render('registry::institutions_admin/index', {
      institutions,
      filters,
      picker: regionPicker(region, user.regionCode ?? undefined),
    })
  }

  async show(ctx: HttpContext) {
    const institution = await findInstitution(ctx.params.id)
    await ctx.bouncer.with(InstitutionPolicy).authorize('show', institution)
    const policy = ctx.bouncer.with(InstitutionPolicy)
    return ctx.view.render('registry::institutions_admin/show', {
      institution,
      history: await ListChange.query()
        .where('institutionId', institution.id)
        .orderBy('id', 'desc'),
      findings: await Finding.query().where('institutionId', institution.id).orderBy('id', 'desc'),
      staff: await Staff.query().where('institutionId', institution.id).orderBy('id'),
      changes: await ChangeRequest.query()
        .where('institutionId', institution.id)
        .orderBy('id', 'desc'),
      canDecide: await policy.allows('decide', institution),
      canInspect: await policy.allows('inspect', institution),
    })
  }

  /** The institution of the route, if this bureau is the one that decides about it. */
  async #decidable(ctx: HttpContext) {
    const institution = await findInstitution(ctx.params.id)
    await ctx.bouncer.with(InstitutionPolicy).authorize('decide', institution)
    return institution
  }

  async override(ctx: HttpContext) {
    const institution = await this.#decidable(ctx)
    const { status, reason } = await ctx.request.validateUsing(overrideValidator)
    await new OverrideListStatus().handle(ctx.auth.getUserOrFail(), institution, status, reason)
    ctx.session.flash('success', ctx.i18n.t('registry.list.override_done'))
    return ctx.response.redirect().toRoute('institutions_admin.show', { id: institution.id })
  }

  async clearOverride(ctx: HttpContext) {
    const institution = await this.#decidable(ctx)
    await new ClearListOverride().handle(ctx.auth.getUserOrFail(), institution)
    ctx.session.flash('success', ctx.i18n.t('registry.list.override_cleared'))
    return ctx.response.redirect().toRoute('institutions_admin.show', { id: institution.id })
  }

  async remove(ctx: HttpContext) {
    const institution = await this.#decidable(ctx)
    const { reason, publish } = await ctx.request.validateUsing(removalValidator)
    await new RemoveInstitution().handle(ctx.auth.getUserOrFail(), institution, reason, !!publish)
    ctx.session.flash('success', ctx.i18n.t('registry.removal.removed'))
    return ctx.response.redirect().toRoute('institutions_admin.show', { id: institution.id })
  }

  async restore(ctx: HttpContext) {
    const institution = await this.#decidable(ctx)
    await new RestoreInstitution().handle(ctx.auth.getUserOrFail(), institution)
    ctx.session.flash('success', ctx.i18n.t('registry.removal.restored'))
    return ctx.response.redirect().toRoute('institutions_admin.show', { id: institution.id })
  }

  /** The full ID number of a staff member, for a bureau in scope; the view is written to the audit log. */
  async revealStaffId(ctx: HttpContext) {
    const institution = await findInstitution(ctx.params.id)
    await ctx.bouncer.with(InstitutionPolicy).authorize('show', institution)
    const staff = await Staff.query()
      .where('id', Number(ctx.params.staffId) || 0)
      .where('institutionId', institution.id)
      .firstOrFail()
    await recordAudit({
      action: 'pii.viewed',
      actor: ctx.auth.getUserOrFail(),
      subjectType: 'staff',
      subjectId: staff.id,
      regionCode: institution.regionCode,
      summary: `ID number of staff ${staff.id} (${staff.idNumberMasked})`,
      meta: requestMeta(ctx),
    })
    return ctx.response.send(
      `<span id="staff-id-${staff.id}">${unseal(staff.idNumberCipher)}</span>`
    )
  }
}
