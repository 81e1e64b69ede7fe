import env from '#start/env'
import { MESSAGE_KINDS, type MessageKind } from '../templates.js'

export type Provider = 'outbox' | 'aliyun' | 'tencent'

export function configuredProvider(): Provider {
  return env.get('NOTIFY_CHANNEL')
}

/** Each kind's approved template code at the provider (SMS_TEMPLATE_CODES, JSON). */
export function templateCodes(): Partial<Record<MessageKind, string>> {
  const raw = env.get('SMS_TEMPLATE_CODES')
  if (!raw) return {}
  const parsed = JSON.parse(raw) as Record<string, unknown>
  return Object.fromEntries(
    Object.entries(parsed).filter(([, code]) => typeof code === 'string' && code.length > 0)
  ) as Partial<Record<MessageKind, string>>
}

/**
 * What a real provider needs before the first text, checked at start-up so
 * a deployment with a missing key or template code stops with the list of
 * what is missing instead of failing one text at a time.
 */
export function providerConfigProblems(provider: Provider = configuredProvider()): string[] {
  if (provider === 'outbox') return []
  const problems: string[] = []
  const need = (name: string) => {
    if (!env.get(name as any)) problems.push(`${name} is not set`)
  }
  if (provider === 'aliyun') ['ALIYUN_ACCESS_KEY_ID', 'ALIYUN_ACCESS_KEY_SECRET'].forEach(need)
  if (provider === 'tencent')
    ['TENCENT_SECRET_ID', 'TENCENT_SECRET_KEY', 'TENCENT_SMS_APP_ID'].forEach(need)
  need('SMS_SIGN_NAME')
  let codes: Partial<Record<MessageKind, string>> = {}
  try {
    codes = templateCodes()
  } catch {
    problems.push('SMS_TEMPLATE_CODES is not valid JSON')
  }
  const missing = MESSAGE_KINDS.filter((kind) => !codes[kind])
  if (missing.length) problems.push(`SMS_TEMPLATE_CODES has no code for ${missing.join(', ')}`)
  return problems
}
