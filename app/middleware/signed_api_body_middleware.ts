import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import BodyParserMiddleware from '@adonisjs/core/bodyparser_middleware'
import { keepRawBody } from '#kernel/shared/raw_body'

/*
| The body parser for every request, except the signed machine endpoints
| under /api/ (payment notices, the bank API). Their signatures are over
| the exact bytes, and a body the JSON parser refuses (a NUL byte, invalid
| UTF-8) must still reach the endpoint to be verified, recorded and
| answered 400 — not end in a framework error page with the record lost.
| So their body is read as it is, bounded, and kept as text and bytes.
*/
const LIMIT = 1024 * 1024

@inject()
export default class SignedApiBodyMiddleware {
  constructor(private bodyparser: BodyParserMiddleware) {}

  async handle(ctx: HttpContext, next: NextFn) {
    if (!ctx.request.url().startsWith('/api/') || ctx.request.method() !== 'POST')
      return this.bodyparser.handle(ctx, next)
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of ctx.request.request) {
      size += (chunk as Buffer).length
      if (size > LIMIT) return ctx.response.status(413).send({ error: 'body too large' })
      chunks.push(chunk as Buffer)
    }
    const body = Buffer.concat(chunks)
    keepRawBody(ctx.request, body)
    ctx.request.updateRawBody(body.toString('utf8'))
    return next()
  }
}
