/*
| The platform's side of the sandbox payment provider (modules/funds/
| sandbox/server.ts): the same shape a real provider's SDK has — signed
| requests out, signed asynchronous callbacks in.
*/
import {
  type ChannelNotice,
  NoticeRejected,
  NoticeUnverified,
  type PaymentChannel,
  type PaymentRequest,
  type RawNotice,
  type RefundRequest,
} from './channel.js'
import { checkSignature, signPayload, unixSeconds } from './signing.js'

export interface SandboxSettings {
  url: string
  merchantId: string
  secret: string
}

const header = (raw: RawNotice, name: string) => {
  const value = raw.headers[name]
  return Array.isArray(value) ? value[0] : value
}

export class SandboxChannel implements PaymentChannel {
  readonly name = 'sandbox'

  constructor(private settings: SandboxSettings) {}

  get origins() {
    return [new URL(this.settings.url).origin]
  }

  configure(settings: SandboxSettings) {
    this.settings = settings
  }

  async #call(path: string, payload: unknown): Promise<any> {
    const body = JSON.stringify(payload)
    const timestamp = unixSeconds()
    const response = await fetch(new URL(path, this.settings.url), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-sandbox-merchant': this.settings.merchantId,
        'x-sandbox-timestamp': timestamp,
        'x-sandbox-signature': signPayload(this.settings.secret, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(10_000),
    })
    const answer = await response.json().catch(() => ({}))
    if (!response.ok)
      throw new Error(`Sandbox channel refused ${path}: ${answer.error ?? response.status}`)
    return answer
  }

  async createPayment(request: PaymentRequest) {
    const answer = await this.#call('/v1/payments', {
      out_trade_no: request.number,
      amount_fen: request.amountFen,
      subject: request.subject,
      notify_url: request.notifyUrl,
      return_url: request.returnUrl,
      settle_to: request.settleTo
        ? { bank_name: request.settleTo.bankName, account_number: request.settleTo.accountNumber }
        : null,
    })
    return { payUrl: String(answer.pay_url) }
  }

  async refund(request: RefundRequest) {
    await this.#call('/v1/refunds', {
      out_trade_no: request.paymentNumber,
      out_refund_no: request.refundNumber,
      amount_fen: request.amountFen,
      notify_url: request.notifyUrl,
    })
  }

  async close(paymentNumber: string): Promise<'closed' | 'already_paid'> {
    const answer = await this.#call('/v1/payments/close', { out_trade_no: paymentNumber })
    return answer.status === 'already_paid' ? 'already_paid' : 'closed'
  }

  parseNotice(raw: RawNotice): ChannelNotice {
    const check = checkSignature(this.settings.secret, {
      timestamp: header(raw, 'x-sandbox-timestamp'),
      signature: header(raw, 'x-sandbox-signature'),
      body: raw.body,
    })
    if (check !== 'ok') throw new NoticeUnverified(`signature ${check}`)
    let notice: any
    try {
      notice = JSON.parse(raw.body)
    } catch {
      throw new NoticeRejected('body is not JSON')
    }
    const amountFen = Number(notice.amount_fen)
    if (!Number.isSafeInteger(amountFen) || amountFen <= 0)
      throw new NoticeRejected('amount is not a positive whole number of fen')
    if (typeof notice.notice_id !== 'string' || typeof notice.out_trade_no !== 'string')
      throw new NoticeRejected('notice id or payment number missing')
    switch (notice.event) {
      case 'payment.succeeded':
        if (typeof notice.transaction_id !== 'string')
          throw new NoticeRejected('transaction id missing')
        return {
          kind: 'payment',
          noticeId: notice.notice_id,
          paymentNumber: notice.out_trade_no,
          providerTxnId: notice.transaction_id,
          amountFen,
          status: 'succeeded',
        }
      case 'refund.succeeded':
      case 'refund.failed':
        if (typeof notice.out_refund_no !== 'string')
          throw new NoticeRejected('refund number missing')
        return {
          kind: 'refund',
          noticeId: notice.notice_id,
          paymentNumber: notice.out_trade_no,
          refundNumber: notice.out_refund_no,
          amountFen,
          status: notice.event === 'refund.succeeded' ? 'succeeded' : 'failed',
          reason: typeof notice.reason === 'string' ? notice.reason.slice(0, 200) : undefined,
        }
      default:
        throw new NoticeRejected(`unknown event ${String(notice.event).slice(0, 40)}`)
    }
  }
}
