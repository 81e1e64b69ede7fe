import type { HttpContext } from '@adonisjs/core/http'
import { sendPrivateFile } from '#kernel/shared/downloads'
import { actingInstitutionId } from '#modules/identity'
import ReportPolicy from '../policies/report_policy.js'
import { institutionSummary } from '#modules/registry'
import { ownFigures } from '../queries/dashboard_institution.js'
import { formatFigure } from '../queries/dashboard_tables.js'
import { buildInstitutionReport, institutionStatistics } from '../services/report_workbook.js'

/** The institution terminal's own statistics: orders, classes, money, refunds, complaints and ratings. */
export default class InstitutionStatisticsController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(ReportPolicy).authorize('institution')
    const institutionId = actingInstitutionId(ctx)
    const [institution, metrics] = await Promise.all([
      institutionSummary(institutionId),
      ownFigures(institutionId),
    ])
    const stats = institutionStatistics(metrics)
    const chart = {
      type: 'bar',
      stacked: false,
      money: true,
      categories: [
        ctx.i18n.t('reports.columns.collected'),
        ctx.i18n.t('reports.columns.released'),
        ctx.i18n.t('reports.columns.held'),
        ctx.i18n.t('reports.columns.refunded'),
      ],
      series: [
        {
          name: ctx.i18n.t('reports.institution.money'),
          data: [
            metrics['fees.collected'] ?? 0,
            metrics['fees.released'] ?? 0,
            metrics['fees.held'] ?? 0,
            metrics['fees.refunded'] ?? 0,
          ],
        },
      ],
    }
    return ctx.view.render('statistics::reports/institution', {
      institution,
      stats,
      chart,
      fmt: formatFigure,
      hasMoney: (metrics['fees.collected'] ?? 0) > 0,
    })
  }

  async export(ctx: HttpContext) {
    await ctx.bouncer.with(ReportPolicy).authorize('institution')
    const institutionId = actingInstitutionId(ctx)
    const [institution, metrics] = await Promise.all([
      institutionSummary(institutionId),
      ownFigures(institutionId),
    ])
    const file = await buildInstitutionReport(
      institution?.name ?? String(institutionId),
      institutionStatistics(metrics)
    )
    return sendPrivateFile(ctx.response, {
      bytes: file.bytes,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      fileName: file.fileName,
    })
  }
}
