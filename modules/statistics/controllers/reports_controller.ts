import type { HttpContext } from '@adonisjs/core/http'
import { inScope, regionTree } from '#modules/identity'
import ReportPolicy from '../policies/report_policy.js'
import { askedRegion, bureauOf } from '../services/report_access.js'
import { institutionFigures, regionFigures, type FigureRow } from '../queries/dashboard.js'
import { breakdownChart, sectionChart } from '../queries/dashboard_charts.js'
import {
  BREAKDOWNS,
  COLUMNS,
  SECTIONS,
  formatFigure,
  type Column,
} from '../queries/dashboard_tables.js'
import { DateTime } from 'luxon'
import { ZONE } from '#kernel/shared/dates'
import { reportsFor } from '#kernel/plugins/reports'
import { toRegionCode } from '#kernel/shared/region_code'
import { textIn } from '#plugin_sdk'

const PER_PAGE = 50

const pick = (section: keyof typeof COLUMNS, key: string) =>
  COLUMNS[section].find((c) => c.key === key)!

/** The figures at the top of the page, the ones a director asks about first. */
const HEADLINE: Column[] = [
  pick('institutions', 'institutions'),
  pick('institutions', 'list.black'),
  pick('institutions', 'filings.pending'),
  pick('inspections', 'rectifications.overdue'),
  pick('complaints', 'complaints'),
  pick('complaints', 'complaints.overdue'),
  pick('complaints', 'complaints.satisfaction'),
  pick('funds', 'fees.collected'),
  pick('funds', 'fees.held'),
  pick('funds', 'anomalies.open'),
]

/**
 * The statistics dashboard of a bureau: its region's totals and one level
 * down (country → province → city → county → institution), from the
 * rollups, with a chart beside each table.
 */
export default class ReportsController {
  async index(ctx: HttpContext) {
    const scope = askedRegion(ctx.auth.getUserOrFail(), ctx.request.input('region'))
    await ctx.bouncer.with(ReportPolicy).authorize('region', scope)
    const user = bureauOf(ctx.auth.getUserOrFail())
    const figures = await regionFigures(scope)
    const leaf = figures.level === 3
    const listInstitutions = leaf || !!ctx.request.input('institutions')
    const institutions = listInstitutions
      ? await institutionFigures(scope, Number(ctx.request.input('page')) || 1, PER_PAGE)
      : null
    const t = (key: string, data?: Record<string, unknown>) => ctx.i18n.t(key, data as never)
    const unattached = t('reports.unattached')
    const label = (row: FigureRow) =>
      row.kind === 'direct'
        ? t('reports.direct_row', { region: row.name })
        : row.kind === 'institution' && !row.institutionId
          ? unattached
          : row.name
    const chartRows = leaf ? (institutions?.rows ?? []) : figures.children
    const charts = Object.fromEntries(
      SECTIONS.map((s) => [s, sectionChart(s, chartRows, t, label)])
    )
    const pies = Object.fromEntries(
      Object.keys(BREAKDOWNS).map((b) => [
        b,
        breakdownChart(b as keyof typeof BREAKDOWNS, figures.total, t),
      ])
    )
    const trail = regionTree
      .ancestors(scope)
      .filter((r) => r.code !== scope && inScope(r.code, user.regionCode))
    return ctx.view.render('statistics::reports/index', {
      scope,
      figures,
      leaf,
      institutions,
      trail,
      sections: SECTIONS,
      columns: COLUMNS,
      breakdowns: BREAKDOWNS,
      charts,
      pies,
      label,
      headline: HEADLINE,
      fmt: formatFigure,
      regionLabel: (code: string) => regionTree.fullName(code),
      customReports: (await reportsFor(toRegionCode(user.regionCode))).map((r) => ({
        pluginId: r.pluginId,
        id: r.report.id,
        title: textIn(r.report.title, ctx.i18n.locale),
        description: r.report.description ? textIn(r.report.description, ctx.i18n.locale) : null,
      })),
      refreshedText: figures.refreshedAt
        ? DateTime.fromJSDate(figures.refreshedAt).setZone(ZONE).toFormat('yyyy-MM-dd HH:mm')
        : null,
    })
  }
}
