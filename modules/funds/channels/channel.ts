/*
| The contract every payment provider implements (WeChat Pay, Alipay,
| UnionPay, a bank's own gateway, the sandbox). The platform never trusts a
| browser redirect: an order is paid only when `parseNotice` accepts a
| signed callback from the provider.
*/
export interface PaymentRequest {
  number: string
  amountFen: number
  subject: string
  notifyUrl: string
  returnUrl: string
  /** Where the provider settles the money: the institution's supervised account. */
  settleTo: { bankName: string; accountNumber: string } | null
}

export interface RefundRequest {
  paymentNumber: string
  refundNumber: string
  amountFen: number
  notifyUrl: string
}

export type ChannelNotice =
  | {
      kind: 'payment'
      noticeId: string
      paymentNumber: string
      providerTxnId: string
      amountFen: number
      status: 'succeeded' | 'failed'
    }
  | {
      kind: 'refund'
      noticeId: string
      paymentNumber: string
      refundNumber: string
      amountFen: number
      status: 'succeeded' | 'failed'
      reason?: string
    }

export interface RawNotice {
  headers: Record<string, string | string[] | undefined>
  body: string
  /** The body exactly as received, when the text form may have lost something (invalid UTF-8). */
  bytes?: Buffer
}

export class NoticeRejected extends Error {}

/** The notice could not be shown to come from the provider (bad or missing signature): nothing about it is trusted, not even enough to keep it in full. */
export class NoticeUnverified extends NoticeRejected {}

export interface PaymentChannel {
  readonly name: string
  /** Origins the browser is sent to (allowed as form targets by the CSP). */
  readonly origins: string[]
  createPayment(request: PaymentRequest): Promise<{ payUrl: string }>
  refund(request: RefundRequest): Promise<void>
  /**
   * Closes a payment nobody may pay any more (its order lapsed or gave way),
   * so the cashier refuses it. 'already_paid' when the payer was quicker:
   * that payment's callback is then handled as a late payment.
   */
  close(paymentNumber: string): Promise<'closed' | 'already_paid'>
  /** Verifies and decodes a callback; throws NoticeRejected with the reason otherwise. */
  parseNotice(raw: RawNotice): ChannelNotice
}

const channels = new Map<string, PaymentChannel>()

export function registerChannel(channel: PaymentChannel) {
  channels.set(channel.name, channel)
}

export function channelNamed(name: string): PaymentChannel {
  const channel = channels.get(name)
  if (!channel) throw new Error(`No payment channel named "${name}" is registered`)
  return channel
}

export function channelNames(): string[] {
  return [...channels.keys()]
}
