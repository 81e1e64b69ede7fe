/*
| The payment channel's side, as the benchmark plays it: callbacks signed
| like the sandbox provider signs them (modules/funds/channels/signing.ts:
| HMAC-SHA256 over "<timestamp>.<body>"), and a stand-in for the provider's
| API that accepts the refunds the app sends it.
*/
import { createHmac, randomUUID } from 'node:crypto'
import http from 'node:http'

export interface SignedNotice {
  body: string
  headers: Record<string, string>
}

export function signNotice(
  secret: string,
  payload: Record<string, unknown>,
  noticeId = randomUUID()
): SignedNotice {
  const body = JSON.stringify({
    notice_id: noticeId,
    occurred_at: new Date().toISOString(),
    ...payload,
  })
  return resign(secret, body)
}

/** The same notice again with a fresh timestamp, as a provider retrying it sends it. */
export function resign(secret: string, body: string): SignedNotice {
  const timestamp = String(Math.floor(Date.now() / 1000))
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-sandbox-timestamp': timestamp,
      'x-sandbox-signature': createHmac('sha256', secret)
        .update(`${timestamp}.${body}`)
        .digest('hex'),
    },
  }
}

/** Answers the app's calls to the provider (POST /v1/refunds, /v1/payments) with success, and counts them. */
export async function startChannelStub(): Promise<{
  url: string
  calls: Record<string, number>
  close: () => Promise<void>
}> {
  const calls: Record<string, number> = {}
  const server = http.createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0]!
      calls[path] = (calls[path] ?? 0) + 1
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ ok: true, pay_url: 'http://127.0.0.1/pay' }))
    })
  })
  server.keepAliveTimeout = 10_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${address.port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
