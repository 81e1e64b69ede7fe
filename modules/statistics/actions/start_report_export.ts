import type { CurrentUser } from '#modules/identity'
import ReportExport from '../models/report_export.js'
import ExportReportJob from '../jobs/export_report_job.js'
import {
  buildReport,
  reportRowCount,
  tableKey,
  type BuiltReport,
  type ReportTable,
} from '../services/report_workbook.js'

/** Up to this many rows an export is built within the request; beyond, in the background with a progress bar. */
export const DIRECT_EXPORT_LIMIT = 5000

export interface StartReportExportInput {
  scope: string
  table: ReportTable
}

export type StartedExport =
  { kind: 'file'; file: BuiltReport } | { kind: 'queued'; exportId: number }

/** Exports a dashboard table: a small one at once, a large one through the `exports` queue. */
export class StartReportExport {
  async handle(user: CurrentUser, input: StartReportExportInput): Promise<StartedExport> {
    const total = await reportRowCount(input.scope, input.table)
    if (total <= DIRECT_EXPORT_LIMIT)
      return { kind: 'file', file: await buildReport(input.scope, input.table) }
    const record = await ReportExport.create({
      ownerUserId: user.id,
      regionCode: input.scope,
      tableKey: tableKey(input.table),
      status: 'queued',
      progress: 0,
      total,
    })
    await ExportReportJob.dispatch({ exportId: record.id })
    return { kind: 'queued', exportId: record.id }
  }
}
