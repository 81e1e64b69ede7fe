/*
| Tencent Cloud's SendSms (2021-01-11) answers, onto our failures. Tencent
| answers HTTP 200 either way: a request-level refusal is
| Response.Error.Code (the SDK throws it as TencentCloudSDKHttpException
| with `code`), and an accepted request carries one SendStatus per number,
| whose Code is "Ok" or that number's own failure. Codes are the ones
| Tencent publishes for SMS 2021-01-11 (its error-code page and the
| errors.go of its Go SDK) plus the API 3.0 common errors.
*/
import type { DeliveryReport, SmsFailure, SmsResult } from './sms_channel.js'
import { classifyCode, failed } from './map_result.js'

const EXACT: Readonly<Record<string, SmsFailure>> = {
  // Not a number's fault, and not fixed by waiting: more than 200 numbers in one request.
  'LimitExceeded.PhoneNumberCountLimit': 'other',

  'InvalidParameterValue.IncorrectPhoneNumber': 'invalid_number',
  // Unsubscribed or on a carrier's do-not-disturb list: this number will not receive texts.
  'FailedOperation.PhoneNumberInBlacklist': 'invalid_number',
  'MissingParameter.EmptyPhoneNumberSet': 'invalid_number',
  'UnsupportedOperation.ContainDomesticAndInternationalPhoneNumber': 'invalid_number',
  'UnsupportedOperation.UnsuportedRegion': 'invalid_number',

  'FailedOperation.TemplateIncorrectOrUnapproved': 'template_rejected',
  'FailedOperation.SignatureIncorrectOrUnapproved': 'template_rejected',
  'FailedOperation.MissingTemplateList': 'template_rejected',
  'FailedOperation.MissingSignatureList': 'template_rejected',
  'FailedOperation.ContainSensitiveWord': 'template_rejected',
  'InvalidParameter.DirtyWordFound': 'template_rejected',
  'InvalidParameterValue.TemplateParameterFormatError': 'template_rejected',
  'InvalidParameterValue.TemplateParameterLengthLimit': 'template_rejected',
  'InvalidParameterValue.ContentLengthLimit': 'template_rejected',
  'InvalidParameterValue.ProhibitedUseUrlInTemplateParameter': 'template_rejected',

  // The app id is not ours, or not this key's: configuration an operator must fix.
  'InvalidParameterValue.SdkAppIdNotExist': 'auth',
  'InvalidParameter.AppidAndBizId': 'auth',
  'UnauthorizedOperation.SmsSdkAppIdVerifyFail': 'auth',
  'UnauthorizedOperation.SdkAppIdIsDisabled': 'auth',
  'UnauthorizedOperation.RequestIpNotInWhitelist': 'auth',
  'UnauthorizedOperation.RequestPermissionDeny': 'auth',
  'IpNotInWhitelist': 'auth',
  'IpInBlacklist': 'auth',
  // Our clock is more than minutes off: resending will not help until it is fixed.
  'InternalError.RequestTimeException': 'auth',

  'InternalError': 'unavailable',
  'InternalError.Timeout': 'unavailable',
  'InternalError.SendAndRecvFail': 'unavailable',
  'InternalError.UnknownError': 'unavailable',
  'InternalError.OtherError': 'unavailable',
}

const PREFIXES: readonly (readonly [string, SmsFailure])[] = [
  // PhoneNumberThirtySecondLimit / OneHourLimit / DailyLimit / SameContentDailyLimit,
  // DeliveryFrequencyLimit, AppDailyLimit, DailyLimit: all lift with time.
  ['LimitExceeded.', 'throttled'],
  ['RequestLimitExceeded', 'throttled'],
  ['AuthFailure.', 'auth'],
]

/** The first SendStatus (we send to one number at a time). */
export function fromTencentStatus(
  status: {
    Code?: string
    Message?: string
    SerialNo?: string
  } | null
): SmsResult {
  if (!status) return failed('other', '', 'Tencent answered without a SendStatus')
  const code = status.Code ?? ''
  if (code === 'Ok') return { ok: true, providerMessageId: status.SerialNo ?? '' }
  return failed(classifyCode(code, EXACT, PREFIXES), code, status.Message ?? '')
}

/**
 * One PullSmsSendStatus entry: ReportStatus SUCCESS (the handset has it) or
 * FAIL, Description the carrier's receipt code ("DELIVRD", "UNDELIV" for a
 * phone switched off or out of service…), UserReceiveTime in Unix seconds.
 */
export function fromTencentReport(status: {
  SerialNo?: string
  ReportStatus?: string
  Description?: string
  UserReceiveTime?: number
}): DeliveryReport {
  const providerMessageId = status.SerialNo ?? ''
  const outcome =
    status.ReportStatus === 'SUCCESS'
      ? 'delivered'
      : status.ReportStatus === 'FAIL'
        ? 'undelivered'
        : 'pending'
  if (outcome === 'pending') return { providerMessageId, outcome }
  return {
    providerMessageId,
    outcome,
    at: status.UserReceiveTime ? new Date(status.UserReceiveTime * 1000) : undefined,
    code: status.Description || undefined,
  }
}

/** What the SDK threw: a request-level Error.Code, an HTTP error, or no answer at all. */
export function fromTencentError(error: unknown): SmsResult {
  const detail = error instanceof Error ? error.message : String(error)
  if (!isSdkException(error)) return failed('unavailable', networkCode(error), detail)
  if (typeof error.code === 'string' && error.code !== '') {
    return failed(classifyCode(error.code, EXACT, PREFIXES), error.code, detail)
  }
  // No code: the SDK never got Tencent's JSON (refused, reset, timed out) or got a bare HTTP error.
  if (error.httpCode === 429) return failed('throttled', 'HTTP 429', detail)
  if (error.httpCode !== undefined && error.httpCode < 500) {
    return failed('other', `HTTP ${error.httpCode}`, detail)
  }
  return failed('unavailable', error.httpCode ? `HTTP ${error.httpCode}` : 'NetworkError', detail)
}

/* TencentCloudSDKHttpException: the SDK's one error type, with requestId and traceId always set. */
function isSdkException(
  error: unknown
): error is Error & { code?: string; httpCode?: number; requestId: string } {
  return error instanceof Error && 'requestId' in error && 'traceId' in error
}

function networkCode(error: unknown): string {
  if (!(error instanceof Error)) return 'NetworkError'
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' && code !== '' ? code : error.name
}
