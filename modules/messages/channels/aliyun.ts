/*
| Alibaba Cloud SMS (Dysmsapi 2017-05-25) through its official SDK, which
| builds and signs the request (ACS3-HMAC-SHA256 in SDK 4.x); this file only
| fills in SendSms and QuerySendDetails and reads the answers. The SDK is
| told not to retry: the messages outbox decides when to send again, so one
| send() is one attempt.
*/
import Dysmsapi from '@alicloud/dysmsapi20170525'
import {
  type DeliveryReport,
  ReportFetchError,
  type SentText,
  type SmsChannel,
  type SmsFailure,
  type SmsRequest,
  type SmsResult,
} from './sms_channel.js'
import {
  aliyunReportFailure,
  fromAliyunAnswer,
  fromAliyunDetail,
  fromAliyunError,
} from './map_aliyun.js'

export interface AliyunChannelConfig {
  accessKeyId: string
  accessKeySecret: string
  /** host[:port]; Alibaba Cloud's mainland endpoint when absent. */
  endpoint?: string
  /** 'http' only for a local stand-in. */
  protocol?: 'https' | 'http'
  /** For connecting and for waiting on the answer, each. */
  timeoutMs?: number
}

const DEFAULT_ENDPOINT = 'dysmsapi.aliyuncs.com'
const DEFAULT_TIMEOUT_MS = 5000
/* QuerySendDetails answers for one number at a time (5,000 per second per account): a few at once. */
const REPORT_QUERIES_AT_ONCE = 5
/* Refusals that would refuse every other text too: stop the pull and let the next run ask again. */
const STOPS_THE_PULL: ReadonlySet<SmsFailure> = new Set<SmsFailure>([
  'auth',
  'throttled',
  'unavailable',
])

type ReportAnswer =
  { report: DeliveryReport } | { stop: { failure: SmsFailure; code: string; detail: string } }

type ClientConfig = ConstructorParameters<typeof Dysmsapi.default>[0]

export function createAliyunChannel(config: AliyunChannelConfig): SmsChannel {
  const timeout = config.timeoutMs ?? DEFAULT_TIMEOUT_MS
  /* The SDK's constructor only reads these fields, so a plain object serves as its Config. */
  const client = new Dysmsapi.default({
    accessKeyId: config.accessKeyId,
    accessKeySecret: config.accessKeySecret,
    endpoint: config.endpoint ?? DEFAULT_ENDPOINT,
    protocol: config.protocol ?? 'https',
    readTimeout: timeout,
    connectTimeout: timeout,
  } as ClientConfig)

  return {
    name: 'aliyun',
    async send(request: SmsRequest): Promise<SmsResult> {
      try {
        const response = await client.sendSms(toSendSmsRequest(request))
        return fromAliyunAnswer(response.body ?? {})
      } catch (error) {
        return fromAliyunError(error)
      }
    },

    async fetchReports(sent: SentText[]): Promise<DeliveryReport[]> {
      const reports: DeliveryReport[] = []
      for (let at = 0; at < sent.length; at += REPORT_QUERIES_AT_ONCE) {
        const chunk = sent.slice(at, at + REPORT_QUERIES_AT_ONCE)
        const answers = await Promise.all(chunk.map((text) => queryReport(text)))
        for (const answer of answers) if ('report' in answer) reports.push(answer.report)
        const stop = answers.find((answer) => 'stop' in answer)
        if (stop && 'stop' in stop) {
          throw new ReportFetchError(stop.stop.failure, stop.stop.code, stop.stop.detail, reports)
        }
      }
      return reports
    },
  }

  /* One text's record: the number, its BizId and the Beijing day it was sent name it exactly. */
  async function queryReport(text: SentText): Promise<ReportAnswer> {
    const refused = (failure: SmsFailure, code: string, detail: string): ReportAnswer =>
      STOPS_THE_PULL.has(failure)
        ? { stop: { failure, code, detail } }
        : {
            report: { providerMessageId: text.providerMessageId, outcome: 'pending', code, detail },
          }
    try {
      const response = await client.querySendDetails(
        new Dysmsapi.QuerySendDetailsRequest({
          phoneNumber: text.phone,
          bizId: text.providerMessageId,
          sendDate: beijingDay(text.sentAt),
          pageSize: 10,
          currentPage: 1,
        })
      )
      const body = response.body
      if (body?.code !== 'OK') {
        const code = body?.code ?? ''
        return refused(aliyunReportFailure(code), code, body?.message ?? '')
      }
      const detail = body.smsSendDetailDTOs?.smsSendDetailDTO?.[0]
      return { report: fromAliyunDetail(text.providerMessageId, detail) }
    } catch (error) {
      const result = fromAliyunError(error)
      if (result.ok) throw error
      return refused(result.failure, result.providerCode, result.detail)
    }
  }
}

/* SendDate is the day in Beijing (yyyyMMdd): a text sent at 00:30 there is filed under that day. */
function beijingDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' })
    .format(at)
    .replace(/-/g, '')
}

/* Aliyun's parameters are named: TemplateParam is a JSON object of name → value, all strings. */
function toSendSmsRequest(request: SmsRequest) {
  return new Dysmsapi.SendSmsRequest({
    phoneNumbers: request.phone,
    signName: request.signName,
    templateCode: request.templateCode,
    templateParam: JSON.stringify(
      Object.fromEntries(request.params.map((param) => [param.name, param.value]))
    ),
    outId: request.reference,
  })
}
