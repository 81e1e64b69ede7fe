/*
| A contract template is fixed text with {{placeholders}} for the variable
| fields. Institutions fill only the variables (through their course and
| filing); the clauses themselves cannot be edited, so no clause that
| limits a consumer's rights can be added (吉教联〔2019〕75号 二（二）1⑦).
*/
import { createHash } from 'node:crypto'

export interface TemplateSection {
  heading: string
  clauses: string[]
}

export interface TemplateBody {
  title: string
  /** Shown under the title: which model text this follows. */
  basis: string
  partyA: [label: string, placeholder: string][]
  partyB: [label: string, placeholder: string][]
  sections: TemplateSection[]
}

export interface RenderedContract {
  title: string
  basis: string
  templateCode: string
  templateVersion: number
  partyA: [string, string][]
  partyB: [string, string][]
  sections: TemplateSection[]
  /** 附件：课程表. */
  timetable: [number: string, date: string, weekday: string, time: string][]
  signature?: { number: string; signedAt: string; method: string; signer: string }
}

export type ContractFacts = Record<string, string>

export class TemplateFieldMissing extends Error {
  constructor(readonly field: string) {
    super(`The contract template needs "${field}", which the facts do not give`)
  }
}

const PLACEHOLDER = /\{\{\s*([a-zA-Z][a-zA-Z0-9_]*)\s*\}\}/g

export function fill(text: string, facts: ContractFacts): string {
  return text.replace(PLACEHOLDER, (_, key: string) => {
    const value = facts[key]
    if (value === undefined) throw new TemplateFieldMissing(key)
    return value
  })
}

export function placeholdersOf(body: TemplateBody): Set<string> {
  const texts = [
    ...body.partyA.map(([, p]) => p),
    ...body.partyB.map(([, p]) => p),
    ...body.sections.flatMap((s) => [s.heading, ...s.clauses]),
  ]
  const keys = new Set<string>()
  for (const text of texts) for (const match of text.matchAll(PLACEHOLDER)) keys.add(match[1]!)
  return keys
}

export function render(
  template: { code: string; version: number; body: TemplateBody },
  facts: ContractFacts,
  timetable: RenderedContract['timetable']
): RenderedContract {
  return {
    title: template.body.title,
    basis: template.body.basis,
    templateCode: template.code,
    templateVersion: template.version,
    partyA: template.body.partyA.map(([label, p]) => [label, fill(p, facts)]),
    partyB: template.body.partyB.map(([label, p]) => [label, fill(p, facts)]),
    sections: template.body.sections.map((s) => ({
      heading: fill(s.heading, facts),
      clauses: s.clauses.map((c) => fill(c, facts)),
    })),
    timetable,
  }
}

/** JSON with object keys sorted, so a value read back from jsonb hashes the same as when it was written. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

export function sha256Of(value: unknown): string {
  return createHash('sha256')
    .update(typeof value === 'string' || Buffer.isBuffer(value) ? value : canonicalJson(value))
    .digest('hex')
}
