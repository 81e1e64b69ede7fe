import type { HttpContext } from '@adonisjs/core/http'
import { applyRegionScope } from '#modules/identity'
import { AcceptRectification } from '../actions/accept_rectification.js'
import { PlanInspection } from '../actions/plan_inspection.js'
import { RecordFindings } from '../actions/record_findings.js'
import { RejectRectification } from '../actions/reject_rectification.js'
import Finding from '../models/finding.js'
import Inspection from '../models/inspection.js'
import Institution from '../models/institution.js'
import InstitutionPolicy from '../policies/institution_policy.js'
import { ledger, ledgerCounts } from '../queries/admin_queries.js'
import { findInstitution } from '../queries/current_institution.js'
import { FINDING_ITEMS } from '../services/list_rules.js'
import {
  acceptanceValidator,
  findingsValidator,
  inspectionPlanValidator,
} from '../validators/registry.js'

const STATUSES = ['open', 'reported', 'closed', 'overdue'] as const

/** Management terminal: inspections and the rectification ledger (排查整改台账). */
export default class InspectionsController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(InstitutionPolicy).authorize('index')
    const user = ctx.auth.getUserOrFail()
    const status = (STATUSES as readonly string[]).includes(ctx.request.input('status'))
      ? ctx.request.input('status')
      : undefined
    const { findings, institutions, today } = await ledger(user, {
      status,
      page: Number(ctx.request.input('page', 1)) || 1,
    })
    findings.baseUrl(ctx.request.url())
    findings.queryString({ status })
    const plannedQuery = Inspection.query().where('status', 'planned')
    applyRegionScope(plannedQuery, user.regionCode)
    const planned = await plannedQuery.orderBy('plannedOn').orderBy('id').limit(50)
    const plannedInstitutions = await Institution.query().whereIn(
      'id',
      planned.map((p) => p.institutionId)
    )
    for (const i of plannedInstitutions) institutions.set(i.id, i)
    return ctx.view.render('registry::inspections/index', {
      findings,
      institutions,
      today,
      status,
      counts: await ledgerCounts(user),
      planned,
    })
  }

  async create(ctx: HttpContext) {
    const institution = await findInstitution(ctx.request.input('institution'))
    await ctx.bouncer.with(InstitutionPolicy).authorize('inspect', institution)
    return ctx.view.render('registry::inspections/create', { institution })
  }

  async store(ctx: HttpContext) {
    const { institutionId, plannedOn, purpose } =
      await ctx.request.validateUsing(inspectionPlanValidator)
    const institution = await findInstitution(institutionId)
    await ctx.bouncer.with(InstitutionPolicy).authorize('inspect', institution)
    const inspection = await new PlanInspection().handle(
      ctx.auth.getUserOrFail(),
      institution,
      plannedOn,
      purpose
    )
    ctx.session.flash('success', ctx.i18n.t('registry.inspections.planned'))
    return ctx.response.redirect().toRoute('inspections.show', { id: inspection.id })
  }

  async show(ctx: HttpContext) {
    const inspection = await Inspection.findOrFail(Number(ctx.params.id) || 0)
    const institution = await Institution.findOrFail(inspection.institutionId)
    await ctx.bouncer.with(InstitutionPolicy).authorize('show', institution)
    const findings = await Finding.query().where('inspectionId', inspection.id).orderBy('id')
    return ctx.view.render('registry::inspections/show', {
      inspection,
      institution,
      findings,
      items: FINDING_ITEMS,
      canInspect: await ctx.bouncer.with(InstitutionPolicy).allows('inspect', institution),
      rows: Number(ctx.request.input('rows', 1)) || 1,
    })
  }

  async record(ctx: HttpContext) {
    const inspection = await Inspection.findOrFail(Number(ctx.params.id) || 0)
    const institution = await Institution.findOrFail(inspection.institutionId)
    await ctx.bouncer.with(InstitutionPolicy).authorize('inspect', institution)
    const { findings } = await ctx.request.validateUsing(findingsValidator)
    await new RecordFindings().handle(ctx.auth.getUserOrFail(), inspection, findings ?? [])
    ctx.session.flash('success', ctx.i18n.t('registry.inspections.recorded'))
    return ctx.response.redirect().toRoute('inspections.show', { id: inspection.id })
  }

  async accept(ctx: HttpContext) {
    const finding = await this.#finding(ctx)
    const { opinion } = await ctx.request.validateUsing(acceptanceValidator)
    await new AcceptRectification().handle(ctx.auth.getUserOrFail(), finding, opinion)
    ctx.session.flash('success', ctx.i18n.t('registry.inspections.closed'))
    return ctx.response.redirect().toRoute('inspections.show', { id: finding.inspectionId })
  }

  async reject(ctx: HttpContext) {
    const finding = await this.#finding(ctx)
    const { opinion, deadline } = await ctx.request.validateUsing(acceptanceValidator)
    await new RejectRectification().handle(ctx.auth.getUserOrFail(), finding, opinion, deadline)
    ctx.session.flash('success', ctx.i18n.t('registry.inspections.reopened'))
    return ctx.response.redirect().toRoute('inspections.show', { id: finding.inspectionId })
  }

  async #finding(ctx: HttpContext) {
    const finding = await Finding.findOrFail(Number(ctx.params.id) || 0)
    const institution = await Institution.findOrFail(finding.institutionId)
    await ctx.bouncer.with(InstitutionPolicy).authorize('inspect', institution)
    return finding
  }
}
