/*
| What the messages module asks of an SMS provider: send one approved
| template, with its parameters, to one mainland number, and say plainly
| how it went. Each adapter (aliyun.ts, tencent.ts) speaks its provider's
| official SDK and maps the provider's answer onto SmsResult, so retries,
| the operator view and the log never depend on one provider's codes.
*/

export interface SmsRequest {
  /** A mainland mobile number, 11 digits ("13800138000"); adapters add +86 where the provider wants it. */
  phone: string
  /** The provider's approved template (Aliyun "SMS_123456789", Tencent "1234567"). */
  templateCode: string
  /**
   * The template's parameters, in the template's declared order (Tencent's
   * are positional; Aliyun's are named, so the names matter too).
   */
  params: { name: string; value: string }[]
  /** The approved sign name shown as 【…】 before the text. */
  signName: string
  /** Our id for this send, echoed back by the provider (Aliyun OutId, Tencent SessionContext). */
  reference: string
}

export type SmsFailure =
  /** The provider limits the rate (per number, per template or per account): try later. */
  | 'throttled'
  /** The number is not a reachable mainland mobile number: never retried. */
  | 'invalid_number'
  /** The template or sign name is not approved, or the parameters do not fit it: an operator must act. */
  | 'template_rejected'
  /** Our credentials or signature were refused: an operator must act. */
  | 'auth'
  /** The provider did not answer, or answered with a server error: try later. */
  | 'unavailable'
  /** Anything else the provider refused. */
  | 'other'

export type SmsResult =
  | { ok: true; providerMessageId: string }
  | {
      ok: false
      failure: SmsFailure
      /** Whether sending the same request again later may succeed. */
      retryable: boolean
      /** The provider's own code (e.g. "isv.BUSINESS_LIMIT_CONTROL", "FailedOperation.PhoneNumberInBlacklist"). */
      providerCode: string
      /** The provider's message, for operators; never shown to the recipient. */
      detail: string
    }

export interface SmsChannel {
  readonly name: 'aliyun' | 'tencent'
  send(request: SmsRequest): Promise<SmsResult>
  /** The handset delivery reports, through the provider's pull API. */
  fetchReports?(sent: SentText[]): Promise<DeliveryReport[]>
}

/* ---- Delivery reports: did the handset get it? ---- */

/** A text the provider accepted, as the report APIs need it. */
export interface SentText {
  /** Aliyun BizId / Tencent SerialNo, as SendSms returned it. */
  providerMessageId: string
  /** The 11-digit mainland number it went to (Aliyun asks per number). */
  phone: string
  sentAt: Date
}

export type DeliveryOutcome = 'delivered' | 'undelivered' | 'pending'

export interface DeliveryReport {
  providerMessageId: string
  outcome: DeliveryOutcome
  /** When the carrier reported the handset's receipt (or its failure). */
  at?: Date
  /** The carrier's receipt code ("DELIVERED", "MOBILE_NOT_ON_SERVICE", "UNDELIV"…). */
  code?: string
  detail?: string
}

/**
 * The report API refused or did not answer (credentials, rate, outage).
 * `reports` holds what was learnt before it, so a pull that consumes its
 * reports (Tencent's) loses none of them.
 */
export class ReportFetchError extends Error {
  constructor(
    readonly failure: SmsFailure,
    readonly providerCode: string,
    detail: string,
    readonly reports: DeliveryReport[] = []
  ) {
    super(`delivery reports not fetched (${failure} ${providerCode}): ${detail}`)
  }
}

/** A channel that can ask its provider what became of texts it sent. */
export interface ReportingChannel {
  /**
   * The reports known now. A text without one in the answer is still
   * pending; a pull API that hands out each report once (Tencent) may also
   * answer for texts not asked about, and those count too.
   */
  fetchReports(sent: SentText[]): Promise<DeliveryReport[]>
}

export function canFetchReports(channel: object): channel is ReportingChannel {
  return typeof (channel as Partial<ReportingChannel>).fetchReports === 'function'
}
