import env from '#start/env'
import { type MessageKind, type MessageTemplate, templateOf } from '../templates.js'

/** A message whose parameters do not fit its template: a programming error, refused before anything is sent. */
export class TemplateParameterError extends Error {}

export type MessageParams = Record<string, string | number>

export const MASK = '******'

/*
| A variable may not carry a link: providers approve the domains written
| into a template, and a link passed as a parameter would smuggle another.
| Words people typed (names, reasons, a plugin's message) are fitted rather
| than refused, so an odd institution name can never stop a parent being
| told: a link's dots and colons become full-width (no longer a link), the
| sign-name brackets 【】 become ordinary ones, and a value too long is cut
| with an ellipsis. A secret (a code, a token) is never altered: one that
| does not fit is a programming error and refuses.
*/
const LINKISH = /:\/\/|www\.|\.(?:com|cn|net|org|top|xyz|cc|io|me|info)\b/i

/**
 * A typed value fitted to a variable of at most `max` characters, counted
 * as the providers count them (UTF-16 units), a character outside the
 * basic plane never split.
 */
export function fitParam(value: string, max: number): string {
  let text = value.replace(/\s+/g, ' ').trim().replaceAll('【', '[').replaceAll('】', ']')
  if (LINKISH.test(text)) text = text.replaceAll('.', '．').replaceAll(':', '：')
  if (text.length <= max) return text
  return `${text.slice(0, Math.max(1, max - 1)).replace(/[\uD800-\uDBFF]$/, '')}…`
}

/**
 * The parameters in the template's order: every one present, secrets as
 * given (and within their length), the others fitted (fitParam). Throws
 * TemplateParameterError for a missing, unknown or oversized secret one.
 */
export function orderedParams(
  template: MessageTemplate,
  params: MessageParams
): { name: string; value: string }[] {
  const declared = new Set(template.params.map((param) => param.name))
  const extra = Object.keys(params).filter((name) => !declared.has(name))
  if (extra.length) {
    throw new TemplateParameterError(`${template.kind}: unknown parameter(s) ${extra.join(', ')}`)
  }
  return template.params.map(({ name, max, secret }) => {
    const raw = params[name]
    if (raw === undefined || raw === null || String(raw).trim() === '') {
      throw new TemplateParameterError(`${template.kind}: parameter "${name}" is missing`)
    }
    const value = String(raw)
    if (!secret) return { name, value: fitParam(value, max) }
    if (value.length > max || LINKISH.test(value)) {
      throw new TemplateParameterError(
        `${template.kind}: secret parameter "${name}" does not fit (at most ${max} characters, no link)`
      )
    }
    return { name, value }
  })
}

function fill(text: string, values: Record<string, string>): string {
  return text
    .replaceAll('{@app}', env.get('APP_URL').replace(/\/+$/, ''))
    .replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`)
}

/** The text as the recipient reads it (after the sign name). */
export function renderMessage(
  kind: MessageKind,
  params: MessageParams,
  locale: 'zh-CN' | 'en' = 'zh-CN'
): string {
  const template = templateOf(kind)
  const values = Object.fromEntries(orderedParams(template, params).map((p) => [p.name, p.value]))
  return fill(template.text[locale], values)
}

/** The same text with every secret parameter masked: what the log and the inbox keep. */
export function renderMasked(
  kind: MessageKind,
  params: MessageParams,
  locale: 'zh-CN' | 'en' = 'zh-CN'
): string {
  const template = templateOf(kind)
  const secret = new Set(template.params.filter((p) => p.secret).map((p) => p.name))
  const values = Object.fromEntries(
    orderedParams(template, params).map((p) => [p.name, secret.has(p.name) ? MASK : p.value])
  )
  return fill(template.text[locale], values)
}

/** The platform's sign name (【…】), which providers approve with the templates. */
export function signName(): string {
  return env.get('SMS_SIGN_NAME') || '校外培训监管与服务平台'
}
