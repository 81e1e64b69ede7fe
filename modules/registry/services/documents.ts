/*
| Uploaded evidence: PDF or images up to 10 MB, checked by their content
| (not the name a browser sends), stored privately through Drive and
| served only through routes that check who is asking.
*/
import { createHash, randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import drive from '@adonisjs/drive/services/main'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import RegistryDocument from '../models/document.js'

export const ALLOWED_EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png']
export const MAX_BYTES = 10 * 1024 * 1024

const MIME: Record<string, string> = { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' }

/* Magic numbers: %PDF, JPEG SOI, PNG signature. */
function sniff(head: Buffer): string | null {
  if (head.subarray(0, 4).toString('latin1') === '%PDF') return 'pdf'
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpg'
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png'
  return null
}

export class DocumentRejected extends Error {
  constructor(readonly messageKey: 'registry.documents.too_large' | 'registry.documents.wrong_type' | 'registry.documents.failed') {
    super(messageKey)
  }
}

export async function storeDocument(file: MultipartFile, institutionId: number, kind: string, uploadedById: number | null) {
  if (file.size > MAX_BYTES || file.errors.some((e) => e.type === 'size')) throw new DocumentRejected('registry.documents.too_large')
  if (!file.tmpPath) throw new DocumentRejected('registry.documents.failed')
  const bytes = await readFile(file.tmpPath)
  const type = sniff(bytes)
  if (!type) throw new DocumentRejected('registry.documents.wrong_type')

  const key = `registry/${institutionId}/${kind}/${randomUUID()}.${type}`
  await drive.use().put(key, bytes)
  return RegistryDocument.create({
    institutionId,
    kind,
    storageKey: key,
    originalName: file.clientName.slice(0, 255),
    mimeType: MIME[type],
    sizeBytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    uploadedById,
  })
}

export async function readDocument(document: RegistryDocument): Promise<Buffer> {
  return Buffer.from(await drive.use().getBytes(document.storageKey))
}

/** Keeps only document ids that belong to the institution (a form cannot point at another's papers). */
export async function ownedDocumentIds(institutionId: number, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set()
  const rows = await RegistryDocument.query().where('institutionId', institutionId).whereIn('id', ids).select('id')
  return new Set(rows.map((r) => r.id))
}
