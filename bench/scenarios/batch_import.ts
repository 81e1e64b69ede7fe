/*
| Benchmark 4: batch import of institutions from the .xlsx template, as a
| province bureau does it: upload over HTTP (POST /manage/imports), the
| queue worker validates every row, the bureau starts the import (POST
| /manage/imports/:id/run), the worker writes each institution. Timed from
| the upload to the batch's "done"; the worker's peak memory is read from
| /proc while it works. Goal: 10,000 rows in < 60 s.
*/
import ExcelJS from 'exceljs'
import { startWorker } from '../lib/app.js'
import { query } from '../lib/database.js'
import { importWorkbook } from '../lib/import_file.js'
import { RssSampler, round } from '../lib/processes.js'
import type { BenchContext } from './context.js'
import { type Bureaus, signedIn } from './dashboards.js'

export interface ImportResult {
  rows: number
  fileMb: number
  status: string
  created: number
  updated: number
  /** Upload to "done", seconds. */
  totalSeconds: number
  uploadSeconds: number
  validationSeconds: number
  importSeconds: number
  rowsPerSecond: number
  workerPeakRssMb: number
  workerHwmMb: number
  serverPeakRssMb: number
  failure: string | null
  rowErrors: unknown[]
}

async function waitForStatus(
  ctx: BenchContext,
  batchId: number,
  leave: string[],
  timeoutMs: number
) {
  const started = Date.now()
  for (;;) {
    const [batch] = await query(
      ctx.databaseUrl,
      'SELECT status, processed_rows, created_count, updated_count, failure, row_errors FROM import_batches WHERE id = $1',
      [batchId]
    )
    if (!leave.includes(batch.status)) return batch
    if (Date.now() - started > timeoutMs)
      throw new Error(`Import batch ${batchId} still ${batch.status} after ${timeoutMs / 1000} s`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

export async function batchImport(ctx: BenchContext, found: Bureaus): Promise<ImportResult> {
  const province = found.admins.find((a) => a.level === 'province')!
  const browser = await signedIn(ctx, province)

  const template = await browser.request('/manage/imports/template')
  if (template.status !== 200) throw new Error(`The import template answered ${template.status}`)
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(Buffer.from(await template.arrayBuffer()) as unknown as ArrayBuffer)
  const headers: string[] = []
  const [sheet] = book.worksheets
  if (!sheet) throw new Error('The import template has no worksheet')
  sheet.getRow(1).eachCell((cell) => headers.push(String(cell.value)))
  if (!headers.includes('*机构名称'))
    throw new Error(
      `The import template's headers are not the registry's: ${headers.slice(0, 3).join(', ')}`
    )

  const counties = await query<{ code: string; name: string }>(
    ctx.databaseUrl,
    `SELECT r.code, r.name FROM regions r WHERE r.province_code = $1 AND r.level >= 2 AND NOT EXISTS (SELECT 1 FROM regions c WHERE c.parent_code = r.code) ORDER BY r.code`,
    [province.regionCode]
  )
  ctx.say(`  writing a ${ctx.options.importRows}-row workbook`)
  const file = await importWorkbook(headers, counties, ctx.options.importRows)

  const worker = startWorker(ctx.env, 'imports', ctx.log)
  const workerMemory = new RssSampler(worker.child.pid!).start()
  const serverMemory = new RssSampler(ctx.serverPid).start()
  /* Let the worker boot before the clock starts: a running deployment has its workers up. */
  await new Promise((r) => setTimeout(r, 3000))
  try {
    ctx.say('  upload, validation, import')
    const t0 = Date.now()
    const upload = await browser.postFile(
      '/manage/imports',
      'file',
      file.bytes,
      `bench-import-${file.tag}.xlsx`,
      '/manage/imports'
    )
    const location = upload.headers.get('location') ?? ''
    const batchId = Number(location.match(/\/manage\/imports\/(\d+)/)?.[1])
    if (!batchId) throw new Error(`The upload answered ${upload.status} → ${location}`)
    const t1 = Date.now()
    const limit = ctx.options.short ? 180_000 : 3_600_000
    const validated = await waitForStatus(ctx, batchId, ['validating'], limit)
    const t2 = Date.now()
    if (validated.status !== 'ready') {
      return {
        rows: file.rows,
        fileMb: round(file.bytes.length / 2 ** 20, 2),
        status: validated.status,
        created: 0,
        updated: 0,
        totalSeconds: round((t2 - t0) / 1000, 2),
        uploadSeconds: round((t1 - t0) / 1000, 2),
        validationSeconds: round((t2 - t1) / 1000, 2),
        importSeconds: 0,
        rowsPerSecond: 0,
        workerPeakRssMb: workerMemory.stop().peakRssMb,
        workerHwmMb: workerMemory.hwmMb,
        serverPeakRssMb: serverMemory.stop().peakRssMb,
        failure: validated.failure ?? `validation ended ${validated.status}`,
        rowErrors: (validated.row_errors ?? []).slice(0, 10),
      }
    }
    const started = await browser.postForm(
      `/manage/imports/${batchId}/run`,
      {},
      `/manage/imports/${batchId}`
    )
    if (started.status !== 302) throw new Error(`Starting the import answered ${started.status}`)
    const done = await waitForStatus(ctx, batchId, ['ready', 'importing'], limit)
    const t3 = Date.now()
    const workerRss = workerMemory.stop()
    return {
      rows: file.rows,
      fileMb: round(file.bytes.length / 2 ** 20, 2),
      status: done.status,
      created: Number(done.created_count ?? 0),
      updated: Number(done.updated_count ?? 0),
      totalSeconds: round((t3 - t0) / 1000, 2),
      uploadSeconds: round((t1 - t0) / 1000, 2),
      validationSeconds: round((t2 - t1) / 1000, 2),
      importSeconds: round((t3 - t2) / 1000, 2),
      rowsPerSecond: round(file.rows / ((t3 - t0) / 1000), 1),
      workerPeakRssMb: workerRss.peakRssMb,
      workerHwmMb: workerRss.hwmMb,
      serverPeakRssMb: serverMemory.stop().peakRssMb,
      failure: done.failure ?? null,
      rowErrors: [],
    }
  } finally {
    workerMemory.stop()
    serverMemory.stop()
    await worker.stop()
  }
}
