/*
| Alibaba Cloud SMS (Dysmsapi 2017-05-25) through its official SDK, which
| builds and signs the request (ACS3-HMAC-SHA256 in SDK 4.x); this file only
| fills in SendSms and reads the answer. The SDK is told not to retry: the
| messages outbox decides when to send again, so one send() is one attempt.
*/
import Dysmsapi from '@alicloud/dysmsapi20170525'
import type { SmsChannel, SmsRequest, SmsResult } from './sms_channel.js'
import { fromAliyunAnswer, fromAliyunError } from './map_aliyun.js'

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
  }
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
