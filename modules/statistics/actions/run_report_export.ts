import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import drive from '@adonisjs/drive/services/main'
import ReportExport from '../models/report_export.js'
import { buildReport, parseTableKey } from '../services/report_workbook.js'

/** Builds a queued export, writing its progress as it goes, and stores the file for its owner. */
export class RunReportExport {
  async handle(exportId: number): Promise<void> {
    const record = await ReportExport.find(exportId)
    if (!record || record.status === 'done') return
    const table = parseTableKey(record.tableKey)
    if (!table) return this.#fail(record, `unknown table ${record.tableKey}`)
    record.merge({ status: 'running', progress: 0 })
    await record.save()
    try {
      const report = await buildReport(record.regionCode, table, async (done, total) => {
        record.merge({ progress: done, total })
        await record.save()
      })
      const key = `reports/${record.ownerUserId}/${randomUUID()}.xlsx`
      await drive.use().put(key, report.bytes)
      record.merge({
        status: 'done',
        progress: report.rows,
        total: report.rows,
        fileName: report.fileName,
        storageKey: key,
        finishedAt: DateTime.now(),
      })
      await record.save()
    } catch (error) {
      await this.#fail(record, error instanceof Error ? error.message : String(error))
      throw error
    }
  }

  async #fail(record: ReportExport, reason: string) {
    record.merge({ status: 'failed', failure: reason.slice(0, 500), finishedAt: DateTime.now() })
    await record.save()
  }
}
