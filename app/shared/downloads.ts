import type { HttpContext } from '@adonisjs/core/http'

export interface PrivateFile {
  bytes: Buffer
  mimeType: string
  fileName: string
  /** `inline` opens in the browser; `attachment` saves (the default). */
  disposition?: 'inline' | 'attachment'
}

/** Sends a file only its audience may see: never cached, named in UTF-8 (Chinese file names survive). */
export function sendPrivateFile(response: HttpContext['response'], file: PrivateFile) {
  response.header('content-type', file.mimeType)
  response.header(
    'content-disposition',
    `${file.disposition ?? 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`
  )
  response.header('cache-control', 'private, no-store')
  return response.send(file.bytes)
}
