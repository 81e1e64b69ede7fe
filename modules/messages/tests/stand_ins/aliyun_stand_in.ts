/*
| A local stand-in for Alibaba Cloud's SMS API (Dysmsapi 2017-05-25,
| SendSms and QuerySendDetails), checking what the real gateway and service
| check and answering in their formats. Test code only.
|
| @alicloud/dysmsapi20170525 4.x (through @alicloud/openapi-core's
| doRequest) signs every call with ACS3-HMAC-SHA256: the parameters travel
| in the query of a POST with an empty body, and the Authorization header
| signs the method, path, sorted query, the host / x-acs-* / content-type
| headers and the body's SHA-256. The stand-in recomputes that signature
| from the request it received and the secret it knows.
|
| Gateway refusals are 4xx JSON ({ RequestId, HostId, Code, Message });
| business refusals are HTTP 200 with Code set, as Alibaba Cloud does.
*/
import { createHash, createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto'
import { type RecordedRequest, type Reply, type StandInServer, serve } from './stand_in_server.js'

export interface AliyunStandInOptions {
  /** AccessKeyId → AccessKeySecret. */
  accessKeys: Record<string, string>
  /** Approved sign names. */
  signNames: string[]
  /** Approved TemplateCode → the names of its ${…} variables. */
  templates: Record<string, string[]>
  /** The per-number flow control: one text per number within this window (Alibaba: 1 per minute). */
  perNumberIntervalMs?: number
}

export interface AliyunDelivered {
  phone: string
  signName: string
  templateCode: string
  params: Record<string, string>
  outId: string | null
  bizId: string
}

/** What the carrier reported for a text: QuerySendDetails' SendStatus 1 waiting, 2 failed, 3 delivered. */
interface AliyunReport {
  sendStatus: 1 | 2 | 3
  errCode: string
  sentAt: Date
  receivedAt: Date | null
}

export interface AliyunStandIn {
  /** host:port, for the SDK's endpoint. */
  readonly endpoint: string
  readonly port: number
  readonly delivered: AliyunDelivered[]
  readonly requests: RecordedRequest[]
  /** Stop answering (reads and holds every request) to test timeouts. */
  hang(): void
  /** Answer the next request with the gateway's 503 ServiceUnavailable. */
  failNextWithServiceUnavailable(): void
  /** The carrier could not hand this text over (a switched-off phone by default). */
  markUndelivered(bizId: string, errCode?: string): void
  /** No receipt from the carrier yet (SendStatus 1). */
  markPending(bizId: string): void
  /** The QuerySendDetails calls answered, in order (phone, BizId, SendDate). */
  readonly reportQueries: { phone: string; bizId: string | null; sendDate: string }[]
  close(): Promise<void>
}

const HOST_ID = 'dysmsapi.aliyuncs.com'
const CLOCK_SKEW_MS = 15 * 60 * 1000
/* PhoneNumbers may carry +86, 0086 or 86 before the 11 digits (Alibaba's SendSms reference). */
const MAINLAND = /^(?:\+86|0086|86)?(1\d{10})$/

export async function startAliyunStandIn(options: AliyunStandInOptions): Promise<AliyunStandIn> {
  const delivered: AliyunDelivered[] = []
  const reports = new Map<string, AliyunReport>()
  const reportQueries: AliyunStandIn['reportQueries'] = []
  const usedNonces = new Set<string>()
  const lastSendAt = new Map<string, number>()
  const interval = options.perNumberIntervalMs ?? 60_000
  let failNext = false

  const server: StandInServer = await serve((request) => {
    if (failNext) {
      failNext = false
      return gatewayError(
        503,
        'ServiceUnavailable',
        'The request has failed due to a temporary failure of the server.'
      )
    }
    const refusal = checkGateway(request, options.accessKeys, usedNonces)
    if (refusal) return refusal
    const query = new URLSearchParams(request.url.split('?')[1] ?? '')
    return request.headers['x-acs-action'] === 'SendSms' ? sendSms(query) : querySendDetails(query)
  })

  /* One number's texts of one Beijing day, narrowed to a BizId when given (Alibaba's QuerySendDetails). */
  function querySendDetails(query: URLSearchParams): Reply {
    for (const name of ['PhoneNumber', 'SendDate', 'PageSize', 'CurrentPage']) {
      if (!query.get(name))
        return gatewayError(400, `Missing${name}`, `${name} is mandatory for this action.`)
    }
    const phone = MAINLAND.exec(query.get('PhoneNumber')!.trim())?.[1]
    if (!phone) return business('isv.MOBILE_NUMBER_ILLEGAL', '非法手机号')
    const sendDate = query.get('SendDate')!
    if (!/^\d{8}$/.test(sendDate)) {
      return gatewayError(
        400,
        'InvalidSendDate.Malformed',
        'Specified parameter SendDate is not valid.'
      )
    }
    const pageSize = Number(query.get('PageSize'))
    const currentPage = Number(query.get('CurrentPage'))
    if (!(pageSize >= 1 && pageSize <= 50) || !(currentPage >= 1)) {
      return gatewayError(
        400,
        'InvalidPageSize.Malformed',
        'Specified parameter PageSize is not valid.'
      )
    }
    const bizId = query.get('BizId')
    reportQueries.push({ phone, bizId, sendDate })
    const matching = delivered.filter(
      (text) =>
        text.phone === phone &&
        (bizId === null || text.bizId === bizId) &&
        beijingDay(reports.get(text.bizId)!.sentAt) === sendDate
    )
    const page = matching.slice((currentPage - 1) * pageSize, currentPage * pageSize)
    return {
      status: 200,
      body: {
        Code: 'OK',
        Message: 'OK',
        RequestId: requestId(),
        TotalCount: String(matching.length),
        SmsSendDetailDTOs: {
          SmsSendDetailDTO: page.map((text) => {
            const report = reports.get(text.bizId)!
            return {
              PhoneNum: text.phone,
              SendStatus: report.sendStatus,
              ErrCode: report.errCode,
              TemplateCode: text.templateCode,
              Content: `【${text.signName}】…`,
              SendDate: beijingTime(report.sentAt),
              ReceiveDate: report.receivedAt ? beijingTime(report.receivedAt) : '',
              OutId: text.outId ?? '',
            }
          }),
        },
      },
    }
  }

  function sendSms(query: URLSearchParams): Reply {
    for (const name of ['PhoneNumbers', 'SignName', 'TemplateCode']) {
      if (!query.get(name))
        return gatewayError(400, `Missing${name}`, `${name} is mandatory for this action.`)
    }
    const templateCode = query.get('TemplateCode')!
    const variables = options.templates[templateCode]
    if (!variables) return business('isv.SMS_TEMPLATE_ILLEGAL', '该账号下找不到对应模板')
    const signName = query.get('SignName')!
    if (!options.signNames.includes(signName)) {
      return business('isv.SMS_SIGNATURE_ILLEGAL', '该账号下找不到对应签名')
    }
    const params = readTemplateParam(query.get('TemplateParam'), variables)
    if ('refusal' in params) return params.refusal

    const phones = query.get('PhoneNumbers')!.split(',')
    if (phones.length > 1000) return business('isv.MOBILE_COUNT_OVER_LIMIT', '手机号码数量超过限制')
    const numbers = phones.map((phone) => MAINLAND.exec(phone.trim())?.[1])
    if (numbers.some((n) => n === undefined))
      return business('isv.MOBILE_NUMBER_ILLEGAL', '非法手机号')
    const now = Date.now()
    if (numbers.some((n) => now - (lastSendAt.get(n!) ?? -Infinity) < interval)) {
      return business('isv.BUSINESS_LIMIT_CONTROL', '触发分钟级流控Permits:1')
    }

    const bizId = `${randomInt(100_000_000, 999_999_999)}${randomInt(1_000_000, 9_999_999)}^0`
    /* The carrier's receipt comes a few seconds later; a hook may turn it into a failure or a wait. */
    reports.set(bizId, {
      sendStatus: 3,
      errCode: 'DELIVERED',
      sentAt: new Date(now),
      receivedAt: new Date(now + 3000),
    })
    for (const phone of numbers as string[]) {
      lastSendAt.set(phone, now)
      delivered.push({
        phone,
        signName,
        templateCode,
        params: params.values,
        outId: query.get('OutId'),
        bizId,
      })
    }
    return {
      status: 200,
      body: { Code: 'OK', Message: 'OK', BizId: bizId, RequestId: requestId() },
    }
  }

  return {
    endpoint: `127.0.0.1:${server.port}`,
    port: server.port,
    delivered,
    requests: server.requests,
    hang: () => {
      server.hang = true
    },
    failNextWithServiceUnavailable: () => {
      failNext = true
    },
    markUndelivered: (bizId, errCode = 'MOBILE_NOT_ON_SERVICE') => {
      reports.set(bizId, { ...reportOf(bizId), sendStatus: 2, errCode })
    },
    markPending: (bizId) => {
      reports.set(bizId, { ...reportOf(bizId), sendStatus: 1, errCode: '', receivedAt: null })
    },
    reportQueries,
    close: () => server.close(),
  }

  function reportOf(bizId: string): AliyunReport {
    const report = reports.get(bizId)
    if (!report) throw new Error(`no text with BizId ${bizId} was sent`)
    return report
  }
}

/* ---- The gateway: API, clock, key, signature, nonce. ---- */

const AUTHORIZATION =
  /^ACS3-HMAC-SHA256\s+Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/

function checkGateway(
  request: RecordedRequest,
  accessKeys: Record<string, string>,
  usedNonces: Set<string>
): Reply | null {
  const h = request.headers
  const action = h['x-acs-action']
  if (
    (action !== 'SendSms' && action !== 'QuerySendDetails') ||
    h['x-acs-version'] !== '2017-05-25'
  ) {
    return gatewayError(
      404,
      'InvalidApi.NotFound',
      'Specified api is not found, please check your url and method.'
    )
  }
  const auth = AUTHORIZATION.exec(String(h.authorization ?? ''))
  const nonce = h['x-acs-signature-nonce']
  if (!auth || typeof nonce !== 'string' || nonce === '') {
    return gatewayError(
      400,
      'IncompleteSignature',
      'The request signature does not conform to Aliyun standards.'
    )
  }
  const date = String(h['x-acs-date'] ?? '')
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(date)) {
    return gatewayError(
      400,
      'InvalidTimeStamp.Format',
      'Specified time stamp or date value is not well formatted.'
    )
  }
  if (Math.abs(Date.now() - Date.parse(date)) > CLOCK_SKEW_MS) {
    return gatewayError(
      400,
      'InvalidTimeStamp.Expired',
      'Specified time stamp or date value is expired.'
    )
  }
  const [, accessKeyId, signedHeaderList, signature] = auth as unknown as [
    string,
    string,
    string,
    string,
  ]
  const secret = accessKeys[accessKeyId]
  if (secret === undefined) {
    return gatewayError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.')
  }
  const signedHeaders = signedHeaderList.split(';')
  const mustSign = Object.keys(h).filter(
    (name) => name === 'host' || name === 'content-type' || name.startsWith('x-acs-')
  )
  if (mustSign.some((name) => !signedHeaders.includes(name))) {
    return gatewayError(
      400,
      'IncompleteSignature',
      'The request signature does not conform to Aliyun standards.'
    )
  }
  const payloadHash = sha256Hex(request.body)
  const stringToSign = `ACS3-HMAC-SHA256\n${sha256Hex(canonicalRequest(request, signedHeaders, payloadHash))}`
  const expected = createHmac('sha256', secret).update(stringToSign).digest('hex')
  if (h['x-acs-content-sha256'] !== payloadHash || !sameHex(expected, signature)) {
    return gatewayError(
      400,
      'SignatureDoesNotMatch',
      `Specified signature does not match our calculation. server string to sign is:${stringToSign}`
    )
  }
  /* Only a correctly signed request spends its nonce, so a forged one cannot block the real one. */
  if (usedNonces.has(nonce)) {
    return gatewayError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.')
  }
  usedNonces.add(nonce)
  return null
}

function canonicalRequest(
  request: RecordedRequest,
  signedHeaders: string[],
  payloadHash: string
): string {
  const [path = '/', rawQuery = ''] = request.url.split('?')
  const query = [...new URLSearchParams(rawQuery)]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`)
    .join('&')
  const headers = [...signedHeaders]
    .sort()
    .map((name) => `${name}:${String(request.headers[name] ?? '').trim()}\n`)
    .join('')
  return [
    request.method,
    percentEncode(decodeURIComponent(path)).replace(/%2F/g, '/'),
    query,
    headers,
    signedHeaders.join(';'),
    payloadHash,
  ].join('\n')
}

/* RFC 3986: what Alibaba Cloud's V3 signature encodes (encodeURIComponent leaves !'()* alone). */
function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  )
}

/* ---- The service: template, sign name, parameters. ---- */

function readTemplateParam(
  raw: string | null,
  variables: string[]
): { values: Record<string, string> } | { refusal: Reply } {
  if (raw === null) {
    return variables.length === 0
      ? { values: {} }
      : { refusal: business('isv.TEMPLATE_MISSING_PARAMETERS', '模板变量缺少对应参数值') }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    return { refusal: business('isv.INVALID_JSON_PARAM', 'JSON参数不合法，只接受字符串值') }
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    Array.isArray(parsed) ||
    Object.values(parsed).some((value) => typeof value !== 'string')
  ) {
    return { refusal: business('isv.INVALID_JSON_PARAM', 'JSON参数不合法，只接受字符串值') }
  }
  const values = parsed as Record<string, string>
  if (variables.some((name) => !(name in values))) {
    return { refusal: business('isv.TEMPLATE_MISSING_PARAMETERS', '模板变量缺少对应参数值') }
  }
  /* More names than the template has: Alibaba reports the template as not matching. */
  if (Object.keys(values).length !== variables.length) {
    return { refusal: business('isv.SMS_TEMPLATE_ILLEGAL', '模板变量个数与模板不符') }
  }
  return { values }
}

/* ---- Answers. ---- */

function business(code: string, message: string): Reply {
  return { status: 200, body: { Code: code, Message: message, RequestId: requestId() } }
}

function gatewayError(status: number, code: string, message: string): Reply {
  return {
    status,
    body: {
      RequestId: requestId(),
      HostId: HOST_ID,
      Code: code,
      Message: message,
      Recommend: `https://api.aliyun.com/troubleshoot?q=${code}&product=Dysmsapi`,
    },
  }
}

/* Alibaba files and shows texts in Beijing time. */
function beijingDay(at: Date): string {
  return beijingTime(at).slice(0, 10).replace(/-/g, '')
}

function beijingTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ')
}

function requestId(): string {
  return randomUUID().toUpperCase()
}

function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex')
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))
}
