/*
| Uploaded import files are kept in the Drive and read back by the job that
| parses them; the web request only stores the bytes.
*/
import { createHash, randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { DateTime } from 'luxon'
import drive from '@adonisjs/drive/services/main'
import i18nManager from '@adonisjs/i18n/services/main'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import ImportBatch from '../models/import_batch.js'
import { type SheetRow, readSheet } from './spreadsheet.js'
import { SpreadsheetRefused } from './zip_guard.js'

export async function storeImportFile(
  file: MultipartFile
): Promise<{ storageKey: string; sha256: string; fileName: string }> {
  const bytes = await readFile(file.tmpPath!)
  const storageKey = `imports/${randomUUID()}.${file.extname === 'csv' ? 'csv' : 'xlsx'}`
  await drive.use().put(storageKey, bytes)
  return {
    storageKey,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    fileName: file.clientName.slice(0, 255),
  }
}

export async function readImportFile(batch: ImportBatch, headerRow = 1): Promise<SheetRow[]> {
  const bytes = Buffer.from(await drive.use().getBytes(batch.storageKey))
  return readSheet(bytes, batch.storageKey.endsWith('.csv') ? 'csv' : 'xlsx', headerRow)
}

/** What the person who uploaded the file reads when it could not be processed (stored zh-CN, like row errors). */
export function importFailure(error: unknown): string {
  const i18n = i18nManager.locale('zh-CN')
  if (error instanceof SpreadsheetRefused) return i18n.t(error.messageKey, error.params)
  return i18n
    .t('registry.imports.unreadable', { reason: String((error as Error)?.message ?? error) })
    .slice(0, 1000)
}

/**
 * A batch whose job gave up (its last retry failed, the worker died) is
 * marked failed with the reason, so it never stays "checking" for ever.
 * Only a batch still in one of `whileIn` is touched.
 */
export async function markImportFailed(
  batchId: number,
  whileIn: ImportBatch['status'][],
  error: unknown
) {
  await ImportBatch.query()
    .where('id', batchId)
    .whereIn('status', whileIn)
    .update({ status: 'failed', failure: importFailure(error), updated_at: DateTime.now().toSQL() })
}
