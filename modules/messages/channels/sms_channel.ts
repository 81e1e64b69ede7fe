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
}
