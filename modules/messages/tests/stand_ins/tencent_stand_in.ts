/*
| A local stand-in for Tencent Cloud's SMS API (2021-01-11, SendSms and
| PullSmsSendStatus), checking what the real API checks and answering in
| its format. Test code only.
|
| tencentcloud-sdk-nodejs signs with TC3-HMAC-SHA256: a canonical request
| (method, path, query, the signed content-type and host headers, the
| body's SHA-256), a string to sign with X-TC-Timestamp and the credential
| scope date/sms/tc3_request, and a key derived from "TC3" + SecretKey
| through the date, the service and "tc3_request". The stand-in recomputes
| all of it from the request it received and the key it knows.
|
| Tencent answers HTTP 200 either way: { Response: { Error, RequestId } } for
| a refused request, { Response: { SendStatusSet, RequestId } } with one
| status per number for an accepted one. PullSmsSendStatus hands out each
| of the app's reports once, as Tencent's does.
*/
import { createHash, createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto'
import { type RecordedRequest, type Reply, type StandInServer, serve } from './stand_in_server.js'

export interface TencentStandInOptions {
  /** SecretId → SecretKey. */
  secrets: Record<string, string>
  /** The account's SmsSdkAppIds. */
  apps: string[]
  /** Approved sign names. */
  signNames: string[]
  /** Approved TemplateId → how many {n} parameters it has. */
  templates: Record<string, number>
  /** Numbers on the do-not-disturb list. */
  blacklist?: string[]
  /** One text per number within this window (Tencent's default: 1 per 30 seconds). */
  perNumberIntervalMs?: number
}

export interface TencentDelivered {
  /** E.164, as Tencent reports it: "+8613800138000". */
  phone: string
  appId: string
  signName: string
  templateId: string
  params: string[]
  sessionContext: string
  serialNo: string
}

export interface TencentStandIn {
  /** The port to reach it on; the channel keeps Tencent's host name (see tencent.ts). */
  readonly endpoint: string
  readonly port: number
  readonly delivered: TencentDelivered[]
  readonly requests: RecordedRequest[]
  hang(): void
  /** Answer the next request with the request-level Error "InternalError". */
  failNextWithInternalError(): void
  /** Forget when each number was last texted, so a replayed request is not rate limited. */
  resetRateLimits(): void
  /** The carrier could not hand this text over ("UNDELIV": a phone switched off or out of service). */
  markUndelivered(serialNo: string, description?: string): void
  /** No receipt from the carrier yet: the report is not handed out until released. */
  markPending(serialNo: string): void
  /** The held receipt arrives (delivered). */
  release(serialNo: string): void
  /** How many PullSmsSendStatus calls were answered. */
  readonly pulls: number
  close(): Promise<void>
}

const SERVICE = 'sms'
const CLOCK_SKEW_S = 300
const MAINLAND = /^(?:\+86|0086|86)?(1\d{10})$/
const MAX_NUMBERS = 200

interface TencentReport {
  appId: string
  phone: string
  serialNo: string
  status: 'SUCCESS' | 'FAIL' | 'pending'
  description: string
  receivedAt: number
  sessionContext: string
  handedOut: boolean
}

interface PullBody {
  SmsSdkAppId?: unknown
  Limit?: unknown
}

interface SendSmsBody {
  PhoneNumberSet?: unknown
  SmsSdkAppId?: unknown
  TemplateId?: unknown
  SignName?: unknown
  TemplateParamSet?: unknown
  SessionContext?: unknown
}

export async function startTencentStandIn(options: TencentStandInOptions): Promise<TencentStandIn> {
  const delivered: TencentDelivered[] = []
  const reports: TencentReport[] = []
  let pulls = 0
  const lastSendAt = new Map<string, number>()
  const interval = options.perNumberIntervalMs ?? 30_000
  let failNext = false

  const server: StandInServer = await serve((request) => {
    if (failNext) {
      failNext = false
      return error('InternalError', 'An internal error has occurred. Retry your request.')
    }
    const refusal = checkCall(request) ?? checkSignature(request, options.secrets)
    if (refusal) return refusal
    let body: SendSmsBody & PullBody
    try {
      body = JSON.parse(request.body.toString('utf8')) as SendSmsBody & PullBody
    } catch {
      return error('FailedOperation.JsonParseFail', 'Failed to parse the request body.')
    }
    return request.headers['x-tc-action'] === 'SendSms' ? sendSms(body) : pullSendStatus(body)
  })

  /* The app's reports not handed out yet, oldest first, each only once. */
  function pullSendStatus(body: PullBody): Reply {
    const appId = String(body.SmsSdkAppId ?? '')
    if (!options.apps.includes(appId)) {
      return error('InvalidParameterValue.SdkAppIdNotExist', 'SdkAppId does not exist.')
    }
    const limit = body.Limit
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 100) {
      return error('InvalidParameterValue', 'Limit must be an integer from 1 to 100.')
    }
    pulls++
    const due = reports
      .filter(
        (report) => report.appId === appId && !report.handedOut && report.status !== 'pending'
      )
      .slice(0, limit)
    for (const report of due) report.handedOut = true
    const PullSmsSendStatusSet = due.map((report) => ({
      UserReceiveTime: report.receivedAt,
      CountryCode: '86',
      SubscriberNumber: report.phone.slice(3),
      PhoneNumber: report.phone,
      SerialNo: report.serialNo,
      ReportStatus: report.status,
      Description: report.description,
      SessionContext: report.sessionContext,
    }))
    return { status: 200, body: { Response: { PullSmsSendStatusSet, RequestId: randomUUID() } } }
  }

  function reportOf(serialNo: string): TencentReport {
    const report = reports.find((r) => r.serialNo === serialNo)
    if (!report) throw new Error(`no text with SerialNo ${serialNo} was sent`)
    return report
  }

  function sendSms(body: SendSmsBody): Reply {
    const appId = String(body.SmsSdkAppId ?? '')
    if (!options.apps.includes(appId)) {
      return error('InvalidParameterValue.SdkAppIdNotExist', 'SdkAppId does not exist.')
    }
    const phones = Array.isArray(body.PhoneNumberSet) ? body.PhoneNumberSet.map(String) : []
    if (phones.length === 0) {
      return error('MissingParameter.EmptyPhoneNumberSet', 'The phone number set is empty.')
    }
    if (phones.length > MAX_NUMBERS) {
      return error(
        'LimitExceeded.PhoneNumberCountLimit',
        'More than 200 phone numbers in one request.'
      )
    }
    const templateId = String(body.TemplateId ?? '')
    const params = Array.isArray(body.TemplateParamSet) ? body.TemplateParamSet.map(String) : []
    /* An unknown template and a parameter count that does not fit the approved one are the same refusal at Tencent. */
    if (options.templates[templateId] !== params.length) {
      return error(
        'FailedOperation.TemplateIncorrectOrUnapproved',
        'template is not approved or request content does not match the approved template content'
      )
    }
    const signName = String(body.SignName ?? '')
    if (!options.signNames.includes(signName)) {
      return error(
        'FailedOperation.SignatureIncorrectOrUnapproved',
        'signature format is wrong or signature is not approved'
      )
    }
    const sessionContext = String(body.SessionContext ?? '')
    const SendStatusSet = phones.map((phone) =>
      sendOne(phone, { appId, signName, templateId, params, sessionContext })
    )
    return { status: 200, body: { Response: { SendStatusSet, RequestId: randomUUID() } } }
  }

  function sendOne(phone: string, text: Omit<TencentDelivered, 'phone' | 'serialNo'>) {
    const number = MAINLAND.exec(phone)?.[1]
    const status = (
      Code: string,
      Message: string,
      extra: { SerialNo?: string; Fee?: number; IsoCode?: string } = {}
    ) => ({
      SerialNo: '',
      PhoneNumber: number ? `+86${number}` : phone,
      Fee: 0,
      SessionContext: text.sessionContext,
      Code,
      Message,
      IsoCode: 'CN',
      ...extra,
    })
    if (!number)
      return status('InvalidParameterValue.IncorrectPhoneNumber', 'invalid mobile number', {
        IsoCode: 'DEF',
      })
    if (options.blacklist?.includes(number)) {
      return status('FailedOperation.PhoneNumberInBlacklist', 'the number is in blacklist')
    }
    const now = Date.now()
    if (now - (lastSendAt.get(number) ?? -Infinity) < interval) {
      return status(
        'LimitExceeded.PhoneNumberThirtySecondLimit',
        'the number of sms messages sent from a single mobile number within 30 seconds exceeds the upper limit'
      )
    }
    lastSendAt.set(number, now)
    const serialNo = `2640:${randomInt(100_000_000, 999_999_999)}${randomInt(100_000_000, 999_999_999)}`
    delivered.push({ ...text, phone: `+86${number}`, serialNo })
    reports.push({
      appId: text.appId,
      phone: `+86${number}`,
      serialNo,
      status: 'SUCCESS',
      description: 'DELIVRD',
      receivedAt: Math.floor(now / 1000) + 3,
      sessionContext: text.sessionContext,
      handedOut: false,
    })
    return status('Ok', 'send success', { SerialNo: serialNo, Fee: 1 })
  }

  return {
    endpoint: `127.0.0.1:${server.port}`,
    port: server.port,
    delivered,
    requests: server.requests,
    hang: () => {
      server.hang = true
    },
    failNextWithInternalError: () => {
      failNext = true
    },
    resetRateLimits: () => lastSendAt.clear(),
    markUndelivered: (serialNo, description = 'UNDELIV') => {
      Object.assign(reportOf(serialNo), { status: 'FAIL', description })
    },
    markPending: (serialNo) => {
      reportOf(serialNo).status = 'pending'
    },
    release: (serialNo) => {
      Object.assign(reportOf(serialNo), {
        status: 'SUCCESS',
        description: 'DELIVRD',
        receivedAt: Math.floor(Date.now() / 1000),
      })
    },
    get pulls() {
      return pulls
    },
    close: () => server.close(),
  }
}

/* ---- Which API is called. ---- */

function checkCall(request: RecordedRequest): Reply | null {
  const h = request.headers
  if (h['x-tc-action'] !== 'SendSms' && h['x-tc-action'] !== 'PullSmsSendStatus')
    return error('InvalidAction', 'The requested action does not exist.')
  if (h['x-tc-version'] !== '2021-01-11')
    return error('NoSuchVersion', 'The requested version does not exist.')
  if (!h['x-tc-region'])
    return error('MissingParameter', 'The request is missing the required parameter `Region`.')
  if (
    request.method !== 'POST' ||
    !String(h['content-type'] ?? '').startsWith('application/json')
  ) {
    return error('InvalidParameter', 'The API takes a JSON body posted to /.')
  }
  return null
}

/* ---- TC3-HMAC-SHA256. ---- */

const AUTHORIZATION =
  /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/

function checkSignature(request: RecordedRequest, secrets: Record<string, string>): Reply | null {
  const auth = AUTHORIZATION.exec(String(request.headers.authorization ?? ''))
  if (!auth) {
    return error(
      'AuthFailure.InvalidAuthorization',
      'Authorization in the request header is invalid.'
    )
  }
  const [, secretId, date, service, signedHeaderList, signature] = auth as unknown as string[]
  const timestamp = Number(request.headers['x-tc-timestamp'])
  if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > CLOCK_SKEW_S) {
    return error(
      'AuthFailure.SignatureExpire',
      'Signature expired. Timestamp and server time cannot differ by more than five minutes.'
    )
  }
  const secretKey = secrets[secretId!]
  if (secretKey === undefined) {
    return error(
      'AuthFailure.SecretIdNotFound',
      'The SecretId is not found, please ensure that your SecretId is correct.'
    )
  }
  const signedHeaders = signedHeaderList!.split(';')
  if (!signedHeaders.includes('content-type') || !signedHeaders.includes('host')) {
    return error(
      'AuthFailure.InvalidAuthorization',
      'SignedHeaders must include content-type and host.'
    )
  }
  /* The scope must name this product and the timestamp's own UTC day; the server signs with both. */
  const day = new Date(timestamp * 1000).toISOString().slice(0, 10)
  const stringToSign = [
    'TC3-HMAC-SHA256',
    String(timestamp),
    `${day}/${SERVICE}/tc3_request`,
    sha256Hex(canonicalRequest(request, signedHeaders)),
  ].join('\n')
  const kDate = hmac(`TC3${secretKey}`, day)
  const kSigning = hmac(hmac(kDate, SERVICE), 'tc3_request')
  const expected = createHmac('sha256', kSigning).update(stringToSign).digest('hex')
  if (date !== day || service !== SERVICE || !sameHex(expected, signature!)) {
    return error(
      'AuthFailure.SignatureFailure',
      'The provided credentials could not be validated. Please check your signature is correct.'
    )
  }
  return null
}

function canonicalRequest(request: RecordedRequest, signedHeaders: string[]): string {
  const [path = '/', query = ''] = request.url.split('?')
  const headers = [...signedHeaders]
    .sort()
    .map((name) => `${name}:${headerValue(request, name).trim().toLowerCase()}\n`)
    .join('')
  return [
    request.method,
    path,
    query,
    headers,
    signedHeaders.join(';'),
    sha256Hex(request.body),
  ].join('\n')
}

/* Tencent is reached on the default port, so the host it signs is the bare name: drop a stand-in's :port. */
function headerValue(request: RecordedRequest, name: string): string {
  const value = String(request.headers[name] ?? '')
  return name === 'host' ? value.replace(/:\d+$/, '') : value
}

/* ---- Answers. ---- */

function error(code: string, message: string): Reply {
  return {
    status: 200,
    body: { Response: { Error: { Code: code, Message: message }, RequestId: randomUUID() } },
  }
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest()
}

function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex')
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))
}
