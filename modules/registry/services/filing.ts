/*
| Reading the five-part filing of an institution: each part's saved values,
| all values merged (rules in one part look at another), and what is left.
*/
import type { PluginField } from '#plugin_sdk'
import { toRegionCode } from '#kernel/shared/region_code'
import FilingSection from '../models/filing_section.js'
import type Institution from '../models/institution.js'
import {
  FIELDS,
  type FieldDef,
  type FilingValues,
  SECTIONS,
  type Section,
  isSkippable,
} from '../filing/fields.js'
import { extraFilingFields } from '../extension_points.js'

export interface FilingState {
  sections: Partial<Record<Section, FilingSection>>
  values: FilingValues
}

export async function loadFiling(institution: Institution | null): Promise<FilingState> {
  if (!institution) return { sections: {}, values: {} }
  const rows = await FilingSection.query().where('institutionId', institution.id)
  const sections = Object.fromEntries(rows.map((r) => [r.section, r])) as Partial<
    Record<Section, FilingSection>
  >
  const values: FilingValues = {}
  for (const section of SECTIONS) Object.assign(values, sections[section]?.data ?? {})
  /*
  | A field's value is its own part's: a copy left in another part (seeded
  | and imported filings repeat every value in each part) never hides a
  | change approved into the owning part, such as a new supervised account.
  */
  for (const section of SECTIONS) {
    const data = sections[section]?.data ?? {}
    for (const def of FIELDS[section]) if (def.name in data) values[def.name] = data[def.name]
  }
  return { sections, values }
}

export function isSectionDone(state: FilingState, section: Section): boolean {
  const row = state.sections[section]
  if (row?.complete) return true
  return isSkippable(section, state.values) && section === 'academic'
}

export function firstIncomplete(state: FilingState): Section | null {
  return SECTIONS.find((s) => !isSectionDone(state, s)) ?? null
}

export async function extraFieldsFor(
  section: Section,
  regionCode: string | null | undefined,
  delivery: string | undefined
): Promise<PluginField[]> {
  if (!regionCode) return []
  return extraFilingFields.resolve(toRegionCode(regionCode), {
    section,
    delivery: delivery === 'online' ? 'online' : 'offline',
  })
}

/** Every document field of a part, with its path in the submitted values ("venues.0.tenureDocument"). */
export function documentPaths(
  section: Section,
  values: FilingValues
): { path: string[]; def: FieldDef }[] {
  const out: { path: string[]; def: FieldDef }[] = []
  for (const def of FIELDS[section]) {
    if (def.type === 'document') out.push({ path: [def.name], def })
    if (def.type === 'rows') {
      const rows = Array.isArray(values[def.name]) ? values[def.name] : []
      rows.forEach((_: unknown, i: number) => {
        for (const r of def.rows!)
          if (r.type === 'document') out.push({ path: [def.name, String(i), r.name], def: r })
      })
    }
  }
  return out
}

export const KEY_FIELDS = SECTIONS.flatMap((s) => FIELDS[s].filter((f) => f.key).map((f) => f.name))

/** Labels of the plugin-added fields of every part, for read-only summaries. */
export async function extraLabelsFor(
  regionCode: string | null | undefined,
  delivery: string | undefined
) {
  const labels: Record<string, PluginField['label']> = {}
  for (const section of SECTIONS) {
    for (const field of await extraFieldsFor(section, regionCode, delivery))
      labels[field.name] = field.label
  }
  return labels
}
