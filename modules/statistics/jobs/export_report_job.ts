import { Job } from '@adonisjs/queue'
import { RunReportExport } from '../actions/run_report_export.js'

/** A dashboard export too large for a request; the page polls its progress. */
export default class ExportReportJob extends Job<{ exportId: number }> {
  static override options = { name: 'statistics.export_report', queue: 'exports', maxRetries: 1 }

  async execute() {
    await new RunReportExport().handle(this.payload.exportId)
  }
}
