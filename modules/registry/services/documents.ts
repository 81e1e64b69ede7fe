/*
| Uploaded evidence: PDF or images up to 10 MB, checked by their content
| (not the name a browser sends), stored privately through Drive and
| served only through routes that check who is asking.
*/
import { randomUUID } from 'node:crypto'
import drive from '@adonisjs/drive/services/main'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import { checkUpload } from '#kernel/shared/uploads'
import RegistryDocument from '../models/document.js'

export const MAX_BYTES = 10 * 1024 * 1024

export class DocumentRejected extends Error {
  constructor(
    readonly messageKey:
      'registry.documents.too_large' | 'registry.documents.wrong_type' | 'registry.documents.failed'
  ) {
    super(messageKey)
  }
}

export async function storeDocument(
  file: MultipartFile,
  institutionId: number,
  kind: string,
  uploadedById: number | null
) {
  const upload = await checkUpload(file, { maxBytes: MAX_BYTES, types: ['pdf', 'jpg', 'png'] })
  if ('problem' in upload) throw new DocumentRejected(`registry.documents.${upload.problem}`)

  const key = `registry/${institutionId}/${kind}/${randomUUID()}.${upload.type}`
  await drive.use().put(key, upload.bytes)
  return RegistryDocument.create({
    institutionId,
    kind,
    storageKey: key,
    originalName: upload.clientName,
    mimeType: upload.mimeType,
    sizeBytes: upload.bytes.length,
    sha256: upload.sha256,
    uploadedById,
  })
}

export async function readDocument(document: RegistryDocument): Promise<Buffer> {
  return Buffer.from(await drive.use().getBytes(document.storageKey))
}

/** Keeps only document ids that belong to the institution (a form cannot point at another's papers). */
export async function ownedDocumentIds(institutionId: number, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set()
  const rows = await RegistryDocument.query()
    .where('institutionId', institutionId)
    .whereIn('id', ids)
    .select('id')
  return new Set(rows.map((r) => r.id))
}
