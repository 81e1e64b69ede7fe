import type { MultipartFile } from '@adonisjs/core/bodyparser'
import db from '@adonisjs/lucid/services/db'
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
    /* The batch and its audit entry commit together. */
    return db.transaction(async (trx) => {
      const batch = await ImportBatch.create(
        {
          kind: 'prohibited_persons',
          uploadedById: actor.id,
          regionCode: actor.regionCode!,
          fileName,
          fileSha256: sha256,
          storageKey,
          status: 'validating',
        },
        { client: trx }
      )
      await recordAudit(
        {
          action: 'registry.prohibited_uploaded',
          actor,
          subjectType: 'import_batch',
          subjectId: batch.id,
          regionCode: actor.regionCode,
          summary: batch.fileName,
        },
        trx
      )
      return batch
    })
  }
}
