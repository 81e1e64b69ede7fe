import { rm } from 'node:fs/promises'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { MultipartFile } from '@adonisjs/core/bodyparser'

/*
| The bodyparser streams every multipart file to the temp directory and
| never deletes it (upstream unlinks only on a stream error). Uploads are
| staff ID copies, certificates, complaint evidence: modules keep what they
| need in the private Drive within the request, so once the request is
| answered, success or error, the temp copies go. This also bounds what
| anonymous posts can leave on the disk to what is in flight.
*/
export default class UploadCleanupMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    try {
      return await next()
    } finally {
      if (ctx.request.bodyType === 'multipart') await removeTempFiles(ctx.request.allFiles())
    }
  }
}

function tempFilesIn(value: unknown): MultipartFile[] {
  if (value instanceof MultipartFile) return [value]
  if (Array.isArray(value)) return value.flatMap(tempFilesIn)
  if (value && typeof value === 'object') return Object.values(value).flatMap(tempFilesIn)
  return []
}

async function removeTempFiles(files: unknown) {
  for (const file of tempFilesIn(files)) {
    /* A file moved elsewhere is gone from tmpPath already; force ignores that. */
    if (file.tmpPath) await rm(file.tmpPath, { force: true })
  }
}
