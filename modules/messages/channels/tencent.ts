/*
| Tencent Cloud SMS (2021-01-11) through its official SDK, which builds and
| signs the request (TC3-HMAC-SHA256); this file only fills in SendSms and
| PullSmsSendStatus and reads the answers, request-level and per number.
*/
import dns from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import type { LookupFunction } from 'node:net'
import tencentcloud from 'tencentcloud-sdk-nodejs-sms'
import {
  type DeliveryReport,
  ReportFetchError,
  type SmsChannel,
  type SmsRequest,
  type SmsResult,
} from './sms_channel.js'
import { fromTencentError, fromTencentReport, fromTencentStatus } from './map_tencent.js'

export interface TencentChannelConfig {
  secretId: string
  secretKey: string
  smsSdkAppId: string
  /** Tencent's SMS regions: ap-guangzhou (default), ap-beijing, ap-nanjing. */
  region?: string
  /** host[:port] to send to; Tencent's own endpoint when absent. */
  endpoint?: string
  /** 'http' only for a local stand-in. */
  protocol?: 'https' | 'http'
  timeoutMs?: number
}

const SmsClient = tencentcloud.sms.v20210111.Client
const TENCENT_HOST = 'sms.tencentcloudapi.com'
const DEFAULT_TIMEOUT_MS = 5000
/* PullSmsSendStatus hands out at most 100 reports a call; a run takes at most this many calls. */
const REPORTS_PER_PULL = 100
const MAX_PULLS = 50

export function createTencentChannel(config: TencentChannelConfig): SmsChannel {
  const protocol = config.protocol ?? 'https'
  const client = new SmsClient({
    credential: { secretId: config.secretId, secretKey: config.secretKey },
    region: config.region ?? 'ap-guangzhou',
    profile: {
      httpProfile: {
        ...addressing(config.endpoint, protocol),
        protocol: `${protocol}://`,
        // Seconds in the SDK; the SDK makes one attempt, and the messages outbox decides on retries.
        reqTimeout: (config.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000,
      },
    },
  })

  return {
    name: 'tencent',
    async send(request: SmsRequest): Promise<SmsResult> {
      try {
        const answer = await client.SendSms({
          PhoneNumberSet: [`+86${request.phone}`],
          SmsSdkAppId: config.smsSdkAppId,
          SignName: request.signName,
          TemplateId: request.templateCode,
          // Tencent's parameters are positional: {1}, {2}… in the template's order.
          TemplateParamSet: request.params.map((param) => param.value),
          SessionContext: request.reference,
        })
        return fromTencentStatus(answer.SendStatusSet?.[0] ?? null)
      } catch (error) {
        return fromTencentError(error)
      }
    },

    /*
     * Tencent's pull is a queue of the app's reports, each handed out once,
     * not a question about given texts: it is drained, and every report in
     * it is returned, asked about or not, so none is lost.
     */
    async fetchReports(): Promise<DeliveryReport[]> {
      const reports: DeliveryReport[] = []
      for (let pull = 0; pull < MAX_PULLS; pull++) {
        let set
        try {
          const answer = await client.PullSmsSendStatus({
            SmsSdkAppId: config.smsSdkAppId,
            Limit: REPORTS_PER_PULL,
          })
          set = answer.PullSmsSendStatusSet ?? []
        } catch (error) {
          const result = fromTencentError(error)
          if (result.ok) throw error
          throw new ReportFetchError(result.failure, result.providerCode, result.detail, reports)
        }
        reports.push(...set.map((status) => fromTencentReport(status)))
        if (set.length < REPORTS_PER_PULL) break
      }
      return reports
    },
  }
}

/**
 * The SDK names the signature's service after the endpoint's first label
 * ("sms.tencentcloudapi.com" → "sms"), so an endpoint such as
 * "127.0.0.1:4010" would be signed for a service "127" that Tencent
 * refuses. Any endpoint that is not an sms.* host is therefore reached the
 * way `curl --resolve` does it: the URL keeps Tencent's host name (and the
 * given port), and the connection goes to the given address.
 */
function addressing(
  endpoint: string | undefined,
  protocol: 'https' | 'http'
): { endpoint: string; agent?: http.Agent } {
  if (!endpoint) return { endpoint: TENCENT_HOST }
  const { hostname, port } = new URL(`${protocol}://${endpoint}`)
  if (hostname.startsWith('sms.')) return { endpoint }
  const lookup: LookupFunction = (_name, options, callback) =>
    dns.lookup(hostname, options, callback)
  const agent = protocol === 'https' ? new https.Agent({ lookup }) : new http.Agent({ lookup })
  return { endpoint: port ? `${TENCENT_HOST}:${port}` : TENCENT_HOST, agent }
}
