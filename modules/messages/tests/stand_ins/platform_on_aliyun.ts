/*
| Points the platform at an Aliyun stand-in through the same variables a
| deployment sets (NOTIFY_CHANNEL=aliyun, keys, endpoint, sign name, a
| template code for every kind), and puts them back afterwards. For a
| group's `each.setup`: it returns the teardown.
*/
import env from '#start/env'
import { forgetChannels } from '../../channels/channel_for.js'
import { MESSAGE_KINDS, type MessageKind, templateOf } from '../../templates.js'
import { type AliyunStandIn, startAliyunStandIn } from './aliyun_stand_in.js'

const VARIABLES = [
  'NOTIFY_CHANNEL',
  'ALIYUN_ACCESS_KEY_ID',
  'ALIYUN_ACCESS_KEY_SECRET',
  'ALIYUN_SMS_ENDPOINT',
  'SMS_SIGN_NAME',
  'SMS_TEMPLATE_CODES',
] as const

export const SIGN = '校外培训监管与服务平台'

export interface PlatformOnAliyun {
  standIn: AliyunStandIn
  /** The approved template code the stand-in knows for a kind. */
  codeOf(kind: MessageKind): string
  restore(): Promise<void>
}

export async function pointPlatformAtAliyun(options: {
  keyId: string
  secret: string
  /** Distinct per test file, so two files' codes never meet. */
  codeBase: number
  perNumberIntervalMs?: number
}): Promise<PlatformOnAliyun> {
  const codeOf = (kind: MessageKind) => `SMS_${MESSAGE_KINDS.indexOf(kind) + options.codeBase}`
  const standIn = await startAliyunStandIn({
    accessKeys: { [options.keyId]: options.secret },
    signNames: [SIGN],
    templates: Object.fromEntries(
      MESSAGE_KINDS.map((kind) => [codeOf(kind), templateOf(kind).params.map((p) => p.name)])
    ),
    perNumberIntervalMs: options.perNumberIntervalMs,
  })
  const saved = Object.fromEntries(VARIABLES.map((name) => [name, env.get(name)]))
  env.set('NOTIFY_CHANNEL', 'aliyun')
  env.set('ALIYUN_ACCESS_KEY_ID', options.keyId)
  env.set('ALIYUN_ACCESS_KEY_SECRET', options.secret)
  env.set('ALIYUN_SMS_ENDPOINT', `http://${standIn.endpoint}`)
  env.set('SMS_SIGN_NAME', SIGN)
  env.set(
    'SMS_TEMPLATE_CODES',
    JSON.stringify(Object.fromEntries(MESSAGE_KINDS.map((kind) => [kind, codeOf(kind)])))
  )
  forgetChannels()
  return {
    standIn,
    codeOf,
    async restore() {
      for (const name of VARIABLES) env.set(name, String(saved[name] ?? ''))
      env.set('NOTIFY_CHANNEL', String(saved.NOTIFY_CHANNEL ?? 'outbox'))
      forgetChannels()
      await standIn.close()
    },
  }
}
