import env from '#start/env'
import { renderMessage } from '../services/render.js'
import type { MessageKind } from '../templates.js'
import { createOutboxChannel } from './outbox_channel.js'
import type { SmsRequest, SmsResult } from './sms_channel.js'
import { type Provider, configuredProvider } from './configured.js'

/** What delivery asks of a channel: the provider's request plus our own kind and row, for the outbox copy. */
export type DeliveryRequest = SmsRequest & { kind: MessageKind; deliveryId: number }
export interface DeliveryChannel {
  readonly name: Provider
  send(request: DeliveryRequest): Promise<SmsResult>
}

const cache = new Map<Provider, DeliveryChannel>()

/**
 * The channel NOTIFY_CHANNEL names, built once from the environment
 * (start-up has checked it). A provider's SDK is loaded only when it is
 * the one in use.
 */
export async function channelFor(
  provider: Provider = configuredProvider()
): Promise<DeliveryChannel> {
  let channel = cache.get(provider)
  if (channel) return channel
  if (provider === 'outbox') {
    channel = createOutboxChannel((kind, params) => renderMessage(kind as MessageKind, params))
  } else if (provider === 'aliyun') {
    const { createAliyunChannel } = await import('./aliyun.js')
    channel = createAliyunChannel(aliyunConfig())
  } else {
    const { createTencentChannel } = await import('./tencent.js')
    channel = createTencentChannel(tencentConfig())
  }
  cache.set(provider, channel)
  return channel
}

/** Tests point a provider at its local stand-in; the next text builds the channel again. */
export function forgetChannels() {
  cache.clear()
}

function endpointOf(value: string | undefined): { endpoint?: string; protocol?: 'http' | 'https' } {
  if (!value) return {}
  const url = new URL(value.includes('://') ? value : `https://${value}`)
  return { endpoint: url.host, protocol: url.protocol === 'http:' ? 'http' : 'https' }
}

function aliyunConfig() {
  return {
    accessKeyId: env.get('ALIYUN_ACCESS_KEY_ID')!,
    accessKeySecret: env.get('ALIYUN_ACCESS_KEY_SECRET')!,
    ...endpointOf(env.get('ALIYUN_SMS_ENDPOINT')),
  }
}

function tencentConfig() {
  return {
    secretId: env.get('TENCENT_SECRET_ID')!,
    secretKey: env.get('TENCENT_SECRET_KEY')!,
    smsSdkAppId: env.get('TENCENT_SMS_APP_ID')!,
    region: env.get('TENCENT_SMS_REGION', 'ap-guangzhou'),
    ...endpointOf(env.get('TENCENT_SMS_ENDPOINT')),
  }
}
