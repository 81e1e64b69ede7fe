import type { HttpContext } from '@adonisjs/core/http'
import drive from '@adonisjs/drive/services/main'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { sendPrivateFile } from '#kernel/shared/downloads'
import { StartReportExport } from '../actions/start_report_export.js'
import ReportExport from '../models/report_export.js'
import ReportExportPolicy from '../policies/report_export_policy.js'
import ReportPolicy from '../policies/report_policy.js'
import { askedRegion, bureauOf } from '../services/report_access.js'
import { parseTableKey } from '../services/report_workbook.js'
import { reportExportValidator } from '../validators/reports.js'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** An export is its owner's alone: anyone else, however senior, is told it does not exist. */
async function ownExport(ctx: HttpContext) {
  const record = await ReportExport.find(Number(ctx.params.id) || 0)
  await ctx.bouncer.with(ReportExportPolicy).authorize('own', record)
  if (!record) throw new NotFoundException()
  return record
}

/** "导出 Excel" on the dashboard: small tables download at once, large ones are built in the background. */
export default class ExportsController {
  async store(ctx: HttpContext) {
    await ctx.bouncer.with(ReportPolicy).authorize('index')
    const input = await ctx.request.validateUsing(reportExportValidator)
    const user = bureauOf(ctx.auth.getUserOrFail())
    const scope = askedRegion(user, input.region)
    await ctx.bouncer.with(ReportPolicy).authorize('region', scope)
    const table = parseTableKey(input.table)
    if (!table) throw new NotFoundException()
    const started = await new StartReportExport().handle(user, { scope, table })
    if (started.kind === 'file')
      return sendPrivateFile(ctx.response, {
        bytes: started.file.bytes,
        mimeType: XLSX,
        fileName: started.file.fileName,
      })
    return ctx.response.redirect().toRoute('report_exports.show', { id: started.exportId })
  }

  /** The export's page; htmx polls it every second for the progress fragment until the file is ready. */
  async show(ctx: HttpContext) {
    const record = await ownExport(ctx)
    const view =
      ctx.request.header('hx-request') === 'true'
        ? 'statistics::reports/_export_progress'
        : 'statistics::reports/export'
    return ctx.view.render(view, { record })
  }

  async download(ctx: HttpContext) {
    const record = await ownExport(ctx)
    if (record.status !== 'done' || !record.storageKey) throw new NotFoundException()
    const bytes = Buffer.from(await drive.use().getBytes(record.storageKey))
    return sendPrivateFile(ctx.response, {
      bytes,
      mimeType: XLSX,
      fileName: record.fileName ?? 'report.xlsx',
    })
  }
}
