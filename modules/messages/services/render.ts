import env from '#start/env'
import { type MessageKind, type MessageTemplate, templateOf } from '../templates.js'

/** A message whose parameters do not fit its template: a programming error, refused before anything is sent. */
export class TemplateParameterError extends Error {}

export type MessageParams = Record<string, string | number>

export const MASK = '******'

/*
| A variable may not carry a link: providers approve the domains written
| into a template, and a link passed as a parameter would smuggle another.
*/
const LINKISH = /:\/\/|www\.|\.(?:com|cn|net|org)\b/i

/** The parameters in the template's order, each checked; throws TemplateParameterError. */
export function orderedParams(
  template: MessageTemplate,
  params: MessageParams
): { name: string; value: string }[] {
  const declared = new Set(template.params.map((param) => param.name))
  const extra = Object.keys(params).filter((name) => !declared.has(name))
  if (extra.length) {
    throw new TemplateParameterError(`${template.kind}: unknown parameter(s) ${extra.join(', ')}`)
  }
  return template.params.map(({ name, max }) => {
    const raw = params[name]
    if (raw === undefined || raw === null || String(raw).trim() === '') {
      throw new TemplateParameterError(`${template.kind}: parameter "${name}" is missing`)
    }
    const value = String(raw)
    if (value.length > max) {
      throw new TemplateParameterError(
        `${template.kind}: parameter "${name}" is ${value.length} characters, at most ${max}`
      )
    }
    if (LINKISH.test(value)) {
      throw new TemplateParameterError(`${template.kind}: parameter "${name}" may not hold a link`)
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
