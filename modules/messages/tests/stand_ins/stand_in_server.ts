/*
| The bit both stand-ins share: a node:http server on 127.0.0.1 and a
| random port that keeps every request byte for byte (so a test can replay
| one, altered or not), can be told to stop answering (to test timeouts),
| and closes with its hanging connections.
*/
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedRequest {
  method: string
  /** Path and query exactly as sent. */
  url: string
  headers: http.IncomingHttpHeaders
  body: Buffer
}

export interface Reply {
  status: number
  body: unknown
  headers?: Record<string, string>
}

export interface StandInServer {
  readonly port: number
  /** Every request received, in order. */
  readonly requests: RecordedRequest[]
  /** While true, requests are read and never answered. */
  hang: boolean
  close(): Promise<void>
}

export async function serve(answer: (request: RecordedRequest) => Reply): Promise<StandInServer> {
  const requests: RecordedRequest[] = []
  const state = { hang: false }
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const recorded = {
        method: req.method ?? '',
        url: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks),
      }
      requests.push(recorded)
      if (state.hang) return
      const reply = answer(recorded)
      res.writeHead(reply.status, {
        'content-type': 'application/json;charset=utf-8',
        ...reply.headers,
      })
      res.end(JSON.stringify(reply.body))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    get hang() {
      return state.hang
    },
    set hang(value: boolean) {
      state.hang = value
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** Sends a recorded request again, as is or altered, and reads the JSON answer. */
export function replay(
  port: number,
  request: RecordedRequest
): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      {
        host: '127.0.0.1',
        port,
        method: request.method,
        path: request.url,
        headers: request.headers,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString()),
          })
        )
      }
    )
    outgoing.on('error', reject)
    outgoing.end(request.body)
  })
}

/** A port nothing listens on: bound once, then released. */
export async function closedPort(): Promise<number> {
  const server = http.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** Flips one character of a string (a digit to another digit, so lengths and formats stay valid). */
export function flipOneDigit(text: string, at: number): string {
  const char = text[at]
  if (!char || !/\d/.test(char)) throw new Error(`no digit at ${at} in ${text}`)
  return text.slice(0, at) + String((Number(char) + 1) % 10) + text.slice(at + 1)
}
