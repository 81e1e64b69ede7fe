/*
| A sandbox payment provider and supervising bank, run as their own HTTP
| server on localhost, for the demo and the tests. It behaves like the real
| thing where it matters to the platform:
|  - payment and refund requests must be signed (HMAC) by the merchant;
|  - the payer pays on the provider's own cashier page, then the browser is
|    sent back — the platform learns the outcome only from a signed,
|    asynchronous callback, which may come late, twice, or be retried until
|    the platform answers 2xx;
|  - paid money is settled into the institution's supervised account at its
|    bank, and the bank reports each movement (动账) through the platform's
|    bank API, pulls the platform's release, refund and transfer
|    instructions and executes them, refusing one the account cannot cover
|    (a transfer is debited here and credited at the account it names).
| State lives in memory: restarting the sandbox starts a fresh "provider".
*/
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { randomUUID } from 'node:crypto'
import { bankCanonical, signPayload, unixSeconds, checkSignature } from '../channels/signing.js'

export interface SandboxOptions {
  port: number
  host?: string
  merchants: Record<string, string>
  /** Probability that a callback is sent twice (0–1). */
  duplicateRate?: number
  /** Callbacks wait a random time in this range (ms) before being sent. */
  delayMs?: [number, number]
  /** Retry pauses for callbacks the platform did not acknowledge (ms). */
  retryMs?: number[]
  /** The bank side: acts for every bank the function returns (read again before each use, so rotated secrets apply). */
  bank?: {
    platformUrl: string
    credentials: () => Promise<Record<string, { key: string; secret: string }>>
    pollMs?: number
  }
  log?: (line: string) => void
  /** The source of the delays, duplicates and ids it draws (Math.random); tests pass a seeded one. */
  random?: () => number
}

interface SandboxPayment {
  id: string
  merchant: string
  number: string
  amountFen: number
  subject: string
  notifyUrl: string
  returnUrl: string
  settleTo: { bank_name: string; account_number: string } | null
  status: 'pending' | 'succeeded' | 'cancelled' | 'closed'
  transactionId: string | null
  refundedFen: number
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
const yuan = (fen: number) => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function send(response: ServerResponse, status: number, body: unknown, type = 'application/json') {
  response.writeHead(status, { 'content-type': `${type}; charset=utf-8` })
  response.end(typeof body === 'string' ? body : JSON.stringify(body))
}

export function startSandbox(options: SandboxOptions): Promise<{
  url: string
  server: Server
  close: () => Promise<void>
  payments: Map<string, SandboxPayment>
}> {
  const log = options.log ?? (() => {})
  const payments = new Map<string, SandboxPayment>()
  const byNumber = new Map<string, SandboxPayment>()
  const refunds = new Map<string, { amountFen: number }>()
  const balances = new Map<string, number>()
  const timers = new Set<NodeJS.Timeout>()
  let closed = false
  const random = options.random ?? Math.random
  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      if (!closed) fn()
    }, ms)
    timers.add(timer)
  }
  const delay = () => {
    const [min, max] = options.delayMs ?? [50, 400]
    return min + random() * (max - min)
  }

  /* Like WeChat Pay: retried until acknowledged, then given up after the last pause. */
  function notify(payment: SandboxPayment, payload: Record<string, unknown>) {
    const body = JSON.stringify({
      notice_id: randomUUID(),
      out_trade_no: payment.number,
      occurred_at: new Date().toISOString(),
      ...payload,
    })
    const pauses = options.retryMs ?? [1000, 3000, 10000, 30000]
    const attempt = async (n: number) => {
      const timestamp = unixSeconds()
      try {
        const response = await fetch(payment.notifyUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-sandbox-timestamp': timestamp,
            /* Only a merchant with a secret can have created the payment (verifyMerchant). */
            'x-sandbox-signature': signPayload(
              options.merchants[payment.merchant]!,
              timestamp,
              body
            ),
          },
          body,
          signal: AbortSignal.timeout(10_000),
        })
        log(`notice ${payload.event} ${payment.number} -> ${response.status}`)
        if (response.ok) return
      } catch (error) {
        log(`notice ${payload.event} ${payment.number} failed: ${(error as Error).message}`)
      }
      const pause = pauses[n]
      if (pause !== undefined) later(pause, () => attempt(n + 1))
    }
    later(delay(), () => attempt(0))
    if (random() < (options.duplicateRate ?? 0.2)) later(delay() * 2, () => attempt(pauses.length))
  }

  async function bankCall(
    bankName: string,
    method: string,
    path: string,
    payload?: unknown
  ): Promise<any> {
    const bank = options.bank!
    const creds = (await bank.credentials())[bankName]
    if (!creds) return {}
    const body = payload === undefined ? '' : JSON.stringify(payload)
    const nonce = randomUUID()
    const timestamp = unixSeconds()
    const response = await fetch(new URL(path, bank.platformUrl), {
      method,
      headers: {
        'content-type': 'application/json',
        'x-bank-key': creds.key,
        'x-bank-nonce': nonce,
        'x-bank-timestamp': timestamp,
        'x-bank-signature': signPayload(
          creds.secret,
          timestamp,
          bankCanonical(nonce, method, path, body)
        ),
      },
      body: body || undefined,
      signal: AbortSignal.timeout(10_000),
    })
    const answer = await response.json().catch(() => ({}))
    if (!response.ok) log(`bank ${method} ${path} -> ${response.status} ${JSON.stringify(answer)}`)
    return answer
  }

  function movement(
    bankName: string,
    account: string,
    direction: 'credit' | 'debit',
    amountFen: number,
    reference: string
  ) {
    const balance =
      (balances.get(`${bankName}|${account}`) ?? 0) +
      (direction === 'credit' ? amountFen : -amountFen)
    balances.set(`${bankName}|${account}`, balance)
    const item = {
      bank_txn_id: `SBX${randomUUID().replace(/-/g, '').slice(0, 20)}`,
      account_number: account,
      direction,
      amount_fen: amountFen,
      balance_after_fen: balance,
      reference,
      occurred_at: new Date().toISOString(),
    }
    return bankCall(bankName, 'POST', '/api/bank/v1/movements', { movements: [item] })
  }

  function settle(payment: SandboxPayment) {
    const to = payment.settleTo
    if (!to || !options.bank) return
    later(
      delay(),
      () =>
        void movement(
          to.bank_name,
          to.account_number,
          'credit',
          payment.amountFen,
          payment.number
        ).catch((e) => log(String(e)))
    )
  }

  /* The bank side: pull pending instructions, pay those the account covers, refuse the rest. */
  async function executeInstructions() {
    for (const bankName of Object.keys((await options.bank?.credentials()) ?? {})) {
      const answer = await bankCall(bankName, 'GET', '/api/bank/v1/instructions')
      for (const instruction of answer.instructions ?? []) {
        const key = `${bankName}|${instruction.account_number}`
        if ((balances.get(key) ?? 0) < instruction.amount_fen) {
          await bankCall(
            bankName,
            'POST',
            `/api/bank/v1/instructions/${instruction.number}/reject`,
            { reason: '监管账户余额不足' }
          )
        } else {
          await movement(
            bankName,
            instruction.account_number,
            'debit',
            instruction.amount_fen,
            instruction.number
          )
          /* A transfer arrives at the named account (at this bank or another), its credit carrying the instruction number. */
          if (instruction.kind === 'transfer' && instruction.to?.bank_name)
            await movement(
              instruction.to.bank_name,
              instruction.to.account_number,
              'credit',
              instruction.amount_fen,
              instruction.number
            )
        }
      }
    }
  }
  if (options.bank) {
    const poll = () =>
      later(
        options.bank!.pollMs ?? 2000,
        () =>
          void executeInstructions()
            .catch((e) => log(`bank poll: ${e.message}`))
            .finally(poll)
      )
    poll()
  }

  function verifyMerchant(request: IncomingMessage, body: string): string | null {
    const merchant = String(request.headers['x-sandbox-merchant'] ?? '')
    const secret = options.merchants[merchant]
    if (!secret) return null
    const check = checkSignature(secret, {
      timestamp: request.headers['x-sandbox-timestamp'] as string,
      signature: request.headers['x-sandbox-signature'] as string,
      body,
    })
    return check === 'ok' ? merchant : null
  }

  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://sandbox')
      const body = await readBody(request)
      const path = url.pathname

      /* The merchant closes a payment it will no longer accept; paying it afterwards is refused, as WeChat Pay's close order does. */
      if (request.method === 'POST' && path === '/v1/payments/close') {
        if (!verifyMerchant(request, body))
          return send(response, 401, { error: 'bad merchant signature' })
        const payment = byNumber.get(JSON.parse(body).out_trade_no)
        if (!payment) return send(response, 200, { status: 'closed' })
        if (payment.status === 'succeeded') return send(response, 200, { status: 'already_paid' })
        payment.status = 'closed'
        return send(response, 200, { status: 'closed' })
      }

      if (request.method === 'POST' && (path === '/v1/payments' || path === '/v1/refunds')) {
        const merchant = verifyMerchant(request, body)
        if (!merchant) return send(response, 401, { error: 'bad merchant signature' })
        const input = JSON.parse(body)
        if (path === '/v1/payments') {
          const existing = byNumber.get(input.out_trade_no)
          if (existing) {
            if (existing.status === 'closed')
              return send(response, 409, { error: 'payment is closed' })
            if (existing.amountFen !== input.amount_fen)
              return send(response, 409, { error: 'out_trade_no reused with another amount' })
            return send(response, 200, {
              payment_id: existing.id,
              pay_url: `${baseUrl}/pay/${existing.id}`,
            })
          }
          const payment: SandboxPayment = {
            id: randomUUID(),
            merchant,
            number: input.out_trade_no,
            amountFen: input.amount_fen,
            subject: String(input.subject ?? ''),
            notifyUrl: input.notify_url,
            returnUrl: input.return_url,
            settleTo: input.settle_to ?? null,
            status: 'pending',
            transactionId: null,
            refundedFen: 0,
          }
          payments.set(payment.id, payment)
          byNumber.set(payment.number, payment)
          return send(response, 200, {
            payment_id: payment.id,
            pay_url: `${baseUrl}/pay/${payment.id}`,
          })
        }
        const payment = byNumber.get(input.out_trade_no)
        if (!payment || payment.status !== 'succeeded')
          return send(response, 404, { error: 'no such paid payment' })
        if (refunds.has(input.out_refund_no)) return send(response, 200, { accepted: true })
        const ok = payment.refundedFen + input.amount_fen <= payment.amountFen
        refunds.set(input.out_refund_no, { amountFen: input.amount_fen })
        if (ok) payment.refundedFen += input.amount_fen
        const notifyUrl = payment.notifyUrl
        notify(
          { ...payment, notifyUrl: input.notify_url ?? notifyUrl },
          ok
            ? {
                event: 'refund.succeeded',
                out_refund_no: input.out_refund_no,
                amount_fen: input.amount_fen,
              }
            : {
                event: 'refund.failed',
                out_refund_no: input.out_refund_no,
                amount_fen: input.amount_fen,
                reason: 'refund exceeds the payment',
              }
        )
        return send(response, 200, { accepted: true })
      }

      const cashier = /^\/pay\/([0-9a-f-]{36})(?:\/(confirm|cancel))?$/.exec(path)
      const payment = cashier ? payments.get(cashier[1]!) : undefined
      if (cashier && payment) {
        if (request.method === 'GET' && !cashier[2]) {
          const done = payment.status !== 'pending'
          return send(
            response,
            200,
            `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>沙箱收银台</title>
<style>body{font-family:sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#1f2429}.amount{font-size:2rem;margin:.5rem 0}button{font-size:1rem;padding:.6rem 1.4rem;margin-right:.5rem}</style></head>
<body><p>沙箱支付（测试环境，不会真实扣款）</p><h1>${escapeHtml(payment.subject)}</h1><p>订单号 ${escapeHtml(payment.number)}</p><p class="amount">¥ ${yuan(payment.amountFen)}</p>
${done ? `<p>该笔支付已${payment.status === 'succeeded' ? '完成' : payment.status === 'closed' ? '关闭，不能再付款' : '取消'}。</p><a href="${escapeHtml(payment.returnUrl)}">返回商户</a>` : `<form method="post" action="/pay/${payment.id}/confirm" style="display:inline"><button type="submit" data-testid="sandbox-pay">确认支付</button></form><form method="post" action="/pay/${payment.id}/cancel" style="display:inline"><button type="submit">取消</button></form>`}
</body></html>`,
            'text/html'
          )
        }
        if (request.method === 'POST' && cashier[2]) {
          if (payment.status === 'pending') {
            payment.status = cashier[2] === 'confirm' ? 'succeeded' : 'cancelled'
            if (payment.status === 'succeeded') {
              payment.transactionId = `SBXT${Date.now()}${Math.floor(random() * 1e6)}`
              notify(payment, {
                event: 'payment.succeeded',
                transaction_id: payment.transactionId,
                amount_fen: payment.amountFen,
              })
              settle(payment)
            }
          }
          response.writeHead(303, { location: payment.returnUrl })
          return response.end()
        }
      }
      send(response, 404, { error: 'not found' })
    } catch (error) {
      send(response, 400, { error: (error as Error).message })
    }
  })

  let baseUrl = ''
  return new Promise((resolve) => {
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      const address = server.address()
      baseUrl = `http://${options.host ?? '127.0.0.1'}:${typeof address === 'object' && address ? address.port : options.port}`
      resolve({
        url: baseUrl,
        server,
        payments,
        close: () => {
          closed = true
          for (const timer of timers) clearTimeout(timer)
          server.closeAllConnections()
          return new Promise((done) => server.close(() => done()))
        },
      })
    })
  })
}
