import type { MultipartFile } from '@adonisjs/core/bodyparser'
import { type CurrentUser, recordAudit } from '#modules/identity'
import ImportBatch from '../models/import_batch.js'
import { storeImportFile } from '../services/import_files.js'

/**
 * Keeps an uploaded prohibited-persons list for the import job. The web
 * request never parses it: a spreadsheet is inflated in memory, which is
 * the worker's job and behind the zip checks (security review finding 18).
 */
export class UploadProhibitedList {
  async handle(actor: CurrentUser, file: MultipartFile): Promise<ImportBatch> {
    const { storageKey, sha256, fileName } = await storeImportFile(file)
    const batch = await ImportBatch.create({
      kind: 'prohibited_persons',
      uploadedById: actor.id,
      regionCode: actor.regionCode!,
      fileName,
      fileSha256: sha256,
      storageKey,
      status: 'validating',
    })
    await recordAudit({ action: 'registry.prohibited_uploaded', actor, subjectType: 'import_batch', subjectId: batch.id, regionCode: actor.regionCode, summary: batch.fileName })
    return batch
  }
}
