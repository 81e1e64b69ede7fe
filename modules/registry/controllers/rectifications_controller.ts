import type { HttpContext } from '@adonisjs/core/http'
import { ReportRectification } from '../actions/report_rectification.js'
import Finding from '../models/finding.js'
import { currentInstitution } from '../queries/current_institution.js'
import { rectificationReportValidator } from '../validators/registry.js'
import InstitutionPolicy from '../policies/institution_policy.js'

/** Institution terminal: its findings, deadlines, and rectification reports. */
export default class RectificationsController {
  async index(ctx: HttpContext) {
    const institution = await currentInstitution(ctx.auth.getUserOrFail())
    const findings = institution
      ? await Finding.query()
          .where('institutionId', institution.id)
          .orderByRaw(`CASE status WHEN 'open' THEN 0 WHEN 'reported' THEN 1 ELSE 2 END`)
          .orderBy('deadline')
      : []
    return ctx.view.render('registry::rectifications/index', {
      institution,
      findings,
      today: new Date().toISOString().slice(0, 10),
    })
  }

  async report(ctx: HttpContext) {
    const institution = await currentInstitution(ctx.auth.getUserOrFail())
    const finding = await Finding.query()
      .where('id', Number(ctx.params.id) || 0)
      .where('institutionId', institution?.id ?? 0)
      .firstOrFail()
    /* A rectification report is a statement to the bureau: the owner's. */
    await ctx.bouncer.with(InstitutionPolicy).authorize('administer', institution!)
    const { report, evidence } = await ctx.request.validateUsing(rectificationReportValidator)
    await new ReportRectification().handle(ctx.auth.getUserOrFail(), finding, report, evidence)
    ctx.session.flash('success', ctx.i18n.t('registry.rectifications.reported'))
    return ctx.response.redirect().toRoute('rectifications.index')
  }
}
