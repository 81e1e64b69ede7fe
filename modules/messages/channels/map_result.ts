/*
| The one place that says which failures are worth sending again: a rate
| limit lifts and an outage ends, but a wrong number, an unapproved
| template or refused credentials stay wrong until a person acts.
*/
import type { SmsFailure, SmsResult } from './sms_channel.js'

const RETRYABLE: ReadonlySet<SmsFailure> = new Set<SmsFailure>(['throttled', 'unavailable'])

export function failed(failure: SmsFailure, providerCode: string, detail: string): SmsResult {
  return { ok: false, failure, retryable: RETRYABLE.has(failure), providerCode, detail }
}

/**
 * Looks a provider code up in an exact table first, then in prefix rules
 * (the providers add new codes under old families, like "Throttling.User").
 */
export function classifyCode(
  code: string,
  exact: Readonly<Record<string, SmsFailure>>,
  prefixes: readonly (readonly [string, SmsFailure])[]
): SmsFailure {
  if (Object.hasOwn(exact, code)) return exact[code]!
  const rule = prefixes.find(([prefix]) => code.startsWith(prefix))
  return rule ? rule[1] : 'other'
}
