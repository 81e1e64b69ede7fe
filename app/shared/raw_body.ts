import type { HttpContext } from '@adonisjs/core/http'

/*
| The exact bytes of a signed machine request's body (kept by
| signed_api_body_middleware for routes under /api/), for endpoints that
| must store what they were sent even when it is not clean UTF-8 text.
*/
const bytes = new WeakMap<HttpContext['request'], Buffer>()

export function keepRawBody(request: HttpContext['request'], body: Buffer) {
  bytes.set(request, body)
}

export function rawBodyBytes(request: HttpContext['request']): Buffer | undefined {
  return bytes.get(request)
}
