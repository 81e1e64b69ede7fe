/*
| Alibaba Cloud's SendSms answers, onto our failures. Two families reach
| us: business codes ("isv.*", "isp.*") come back as HTTP 200 with the code
| in the body; the API gateway's own refusals (signature, key, throttling)
| come back as 4xx/5xx, which the SDK throws as ClientError, ThrottlingError
| or ServerError. The codes are the ones in Alibaba Cloud's published lists
| (help.aliyun.com/document_detail/101346 and the OpenAPI common errors).
*/
import type { DeliveryReport, SmsFailure, SmsResult } from './sms_channel.js'
import { classifyCode, failed } from './map_result.js'

const EXACT: Readonly<Record<string, SmsFailure>> = {
  // Per-number flow control (1/min, 5/hour, 10/day for codes) and the daily
  // and monthly caps an operator sets in the console: they lift with time.
  'isv.BUSINESS_LIMIT_CONTROL': 'throttled',
  'isv.DAY_LIMIT_CONTROL': 'throttled',
  'isv.MONTH_LIMIT_CONTROL': 'throttled',

  'isv.MOBILE_NUMBER_ILLEGAL': 'invalid_number',
  'isv.MOBILE_COUNT_OVER_LIMIT': 'invalid_number',

  'isv.SMS_TEMPLATE_ILLEGAL': 'template_rejected',
  'isv.SMS_SIGNATURE_ILLEGAL': 'template_rejected',
  'isv.SMS_SIGN_ILLEGAL': 'template_rejected',
  'isv.SIGN_STATE_ILLEGAL': 'template_rejected',
  'isv.SMS_SIGNATURE_SCENE_ILLEGAL': 'template_rejected',
  'isv.TEMPLATE_MISSING_PARAMETERS': 'template_rejected',
  'isv.TEMPLATE_PARAMS_ILLEGAL': 'template_rejected',
  'isv.INVALID_JSON_PARAM': 'template_rejected',
  'isv.PARAM_LENGTH_LIMIT': 'template_rejected',
  'isv.PARAM_NOT_SUPPORT_URL': 'template_rejected',
  'isv.BLACK_KEY_CONTROL_LIMIT': 'template_rejected',
  'isv.SMS_CONTENT_ILLEGAL': 'template_rejected',
  // An international template used for a mainland number: the template is wrong.
  'isv.DOMESTIC_NUMBER_NOT_SUPPORTED': 'template_rejected',

  'SignatureDoesNotMatch': 'auth',
  'IncompleteSignature': 'auth',
  'SignatureNonceUsed': 'auth',
  // Our clock is off by more than 15 minutes: resending will not help until it is fixed.
  'InvalidTimeStamp.Expired': 'auth',
  'InvalidTimeStamp.Format': 'auth',
  'isp.RAM_PERMISSION_DENY': 'auth',
  'isv.PRODUCT_UN_SUBSCRIPT': 'auth',
  'isv.PRODUCT_UNSUBSCRIBE': 'auth',
  'isv.DENY_IP_RANGE': 'auth',

  'isp.SYSTEM_ERROR': 'unavailable',
  'ServiceUnavailable': 'unavailable',
  'InternalError': 'unavailable',
}

const PREFIXES: readonly (readonly [string, SmsFailure])[] = [
  ['Throttling', 'throttled'],
  ['InvalidAccessKeyId', 'auth'],
  ['isv.ACCOUNT_', 'auth'],
  ['Forbidden.RAM', 'auth'],
]

/** The body of an HTTP 200 answer: "OK" with a BizId, or a business code. */
export function fromAliyunAnswer(body: {
  code?: string
  message?: string
  bizId?: string
  requestId?: string
}): SmsResult {
  const code = body.code ?? ''
  if (code === 'OK') return { ok: true, providerMessageId: body.bizId ?? body.requestId ?? '' }
  return failed(classifyCode(code, EXACT, PREFIXES), code, body.message ?? '')
}

/** What the SDK threw: a gateway refusal with its code, or no answer at all. */
export function fromAliyunError(error: unknown): SmsResult {
  const detail = withoutQueries(error instanceof Error ? error.message : String(error))
  if (!isGatewayError(error)) return failed('unavailable', networkCode(error), detail)
  if (error.statusCode >= 500) return failed('unavailable', error.code, detail)
  return failed(classifyCode(error.code, EXACT, PREFIXES), error.code, detail)
}

/**
 * One QuerySendDetails record (SmsSendDetailDTO) of the text with this
 * BizId: SendStatus 1 waits for the carrier's receipt, 2 failed, 3 reached
 * the handset; ErrCode is the carrier's receipt code ("DELIVERED",
 * "MOBILE_NOT_ON_SERVICE"…) and ReceiveDate its time, Beijing time
 * "yyyy-MM-dd HH:mm:ss". No record yet is waiting too.
 */
export function fromAliyunDetail(
  providerMessageId: string,
  detail: { sendStatus?: number; errCode?: string; receiveDate?: string } | undefined
): DeliveryReport {
  if (!detail || (detail.sendStatus !== 2 && detail.sendStatus !== 3)) {
    return { providerMessageId, outcome: 'pending' }
  }
  return {
    providerMessageId,
    outcome: detail.sendStatus === 3 ? 'delivered' : 'undelivered',
    at: beijingTime(detail.receiveDate),
    code: detail.errCode || undefined,
  }
}

/** Whether a QuerySendDetails refusal stops the whole pull (keys, rate, outage) or only this text. */
export function aliyunReportFailure(code: string): SmsFailure {
  return classifyCode(code, EXACT, PREFIXES)
}

function beijingTime(text: string | undefined): Date | undefined {
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(text ?? '')
  return match ? new Date(`${match[1]}T${match[2]}+08:00`) : undefined
}

/* The SDK's ClientError / ThrottlingError / ServerError all carry the HTTP status and the gateway's code. */
function isGatewayError(error: unknown): error is Error & { statusCode: number; code: string } {
  return (
    error instanceof Error &&
    ['ClientError', 'ThrottlingError', 'ServerError'].includes(error.name) &&
    typeof (error as { statusCode?: unknown }).statusCode === 'number' &&
    typeof (error as { code?: unknown }).code === 'string'
  )
}

/* The SDK's network errors quote the URL, whose query holds the parameters (a verification code, say). */
function withoutQueries(message: string): string {
  return message.replace(/(https?:\/\/[^\s?]+)\?\S*/g, '$1')
}

/* A refused connection, a reset or the SDK's RequestTimeoutError: name it for the log. */
function networkCode(error: unknown): string {
  if (!(error instanceof Error)) return 'NetworkError'
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' && code !== '' ? code : error.name
}
