/*
| Uploaded files are judged by their content, never by the name or type a
| browser sends: a PDF starts with %PDF, a JPEG with its SOI marker, a PNG
| with its signature. Modules store the bytes through Drive themselves.
*/
import { readFile } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import type { MultipartFile } from '@adonisjs/core/bodyparser'

export type UploadType = 'pdf' | 'jpg' | 'png'

export const MIME_TYPES: Record<UploadType, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
}

export function sniffUpload(head: Uint8Array): UploadType | null {
  const bytes = Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 8))
  if (bytes.subarray(0, 4).toString('latin1') === '%PDF') return 'pdf'
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg'
  if (bytes.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png'
  return null
}

export type UploadProblem = 'too_large' | 'wrong_type' | 'failed'

export interface CheckedUpload {
  bytes: Buffer
  type: UploadType
  mimeType: string
  sha256: string
  clientName: string
}

/** Reads an upload and checks its size and kind; returns the problem instead of throwing. */
export async function checkUpload(
  file: MultipartFile,
  options: { maxBytes: number; types: readonly UploadType[] }
): Promise<CheckedUpload | { problem: UploadProblem }> {
  if (file.size > options.maxBytes || file.errors.some((e) => e.type === 'size'))
    return { problem: 'too_large' }
  if (!file.tmpPath) return { problem: 'failed' }
  const bytes = await readFile(file.tmpPath)
  if (bytes.length > options.maxBytes) return { problem: 'too_large' }
  const type = sniffUpload(bytes)
  if (!type || !options.types.includes(type)) return { problem: 'wrong_type' }
  return {
    bytes,
    type,
    mimeType: MIME_TYPES[type],
    sha256: createHash('sha256').update(bytes).digest('hex'),
    clientName: file.clientName.slice(0, 255),
  }
}
