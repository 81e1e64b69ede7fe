import type { HttpContext } from '@adonisjs/core/http'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { findReport, runReport } from '#kernel/plugins/reports'
import { sendPrivateFile } from '#kernel/shared/downloads'
import { toRegionCode } from '#kernel/shared/region_code'
import { textIn } from '#plugin_sdk'
import ReportPolicy from '../policies/report_policy.js'
import { bureauOf } from '../services/report_access.js'
import { chartOf, formatCell, reportWorkbook } from '../services/plugin_report.js'

/** A province's own report (from its plugin), for the bureaus of that province; read-only, exportable. */
export default class PluginReportsController {
  async show(ctx: HttpContext) {
    const { found, region } = await this.#find(ctx)
    const { rows, truncated } = await runReport(found, region)
    const locale = ctx.i18n.locale
    return ctx.view.render('statistics::reports/plugin', {
      found,
      rows,
      truncated,
      chart: chartOf(found.report, rows, locale),
      title: textIn(found.report.title, locale),
      pluginName: textIn(found.pluginName, locale),
      description: found.report.description ? textIn(found.report.description, locale) : null,
      columnLabel: (c: any) => textIn(c.label, locale),
      cell: (c: any, v: unknown) => formatCell(c, v, locale),
    })
  }

  async export(ctx: HttpContext) {
    const { found, region } = await this.#find(ctx)
    const { rows } = await runReport(found, region)
    const bytes = await reportWorkbook(found.report, rows)
    return sendPrivateFile(ctx.response, {
      bytes,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      fileName: `${textIn(found.report.title, 'zh-CN')}.xlsx`,
    })
  }

  async #find(ctx: HttpContext) {
    await ctx.bouncer.with(ReportPolicy).authorize('index')
    const user = bureauOf(ctx.auth.getUserOrFail())
    const region = toRegionCode(user.regionCode)
    const found = await findReport(region, String(ctx.params.plugin), String(ctx.params.report))
    if (!found) throw new NotFoundException()
    return { found, region }
  }
}
