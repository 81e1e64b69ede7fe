import type { PluginField } from '#plugin_sdk'
import FilingReview from '../models/filing_review.js'
import RegistryDocument from '../models/document.js'
import type Institution from '../models/institution.js'
import {
  FIELDS,
  type FieldDef,
  SECTIONS,
  type Section,
  isShown,
  isSkippable,
} from '../filing/fields.js'
import { extraFieldsFor, extraLabelsFor, isSectionDone, loadFiling } from '../services/filing.js'
import { supervisingBanks } from './supervising_banks.js'

export interface SectionStatus {
  section: Section
  done: boolean
  skipped: boolean
  skippable: boolean
  returnReason: string | null
}

/** Everything the wizard pages show: parts and their state, the current part's fields and values. */
export async function filingPageData(institution: Institution | null, section: Section | null) {
  const state = await loadFiling(institution)
  const lastReview = institution
    ? await FilingReview.query()
        .where('institutionId', institution.id)
        .whereNotNull('decision')
        .orderBy('id', 'desc')
        .first()
    : null
  const reasons =
    lastReview?.decision === 'returned' && institution?.filingStatus !== 'approved'
      ? lastReview.reasons
      : {}
  const statuses: SectionStatus[] = SECTIONS.map((s) => ({
    section: s,
    done: isSectionDone(state, s),
    skipped: !!state.sections[s]?.skipped || (s === 'academic' && isSkippable(s, state.values)),
    skippable: isSkippable(s, state.values),
    returnReason: reasons[s] ?? null,
  }))

  let fields: FieldDef[] = []
  let extra: PluginField[] = []
  let values: Record<string, any> = {}
  if (section) {
    fields = FIELDS[section].filter((f) => isShown(f, state.values))
    extra = await extraFieldsFor(
      section,
      state.values.regionCode ?? institution?.regionCode,
      state.values.delivery ?? institution?.delivery
    )
    values = state.sections[section]?.data ?? {}
  }
  const docIds = collectDocumentIds(values)
  const documents = docIds.length
    ? Object.fromEntries(
        (await RegistryDocument.query().whereIn('id', docIds)).map((d) => [d.id, d])
      )
    : {}

  return {
    institution,
    section,
    statuses,
    allDone: statuses.every((s) => s.done),
    values,
    allValues: state.values,
    sectionData: Object.fromEntries(SECTIONS.map((s) => [s, state.sections[s]?.data ?? {}])),
    extraLabels: await extraLabelsFor(
      state.values.regionCode ?? institution?.regionCode,
      state.values.delivery ?? institution?.delivery
    ),
    fields,
    extra,
    documents,
    review: lastReview,
    editable: !institution || institution.filingStatus !== 'submitted',
    /* Other key facts of an approved filing stay editable: a change is filed as a request for the bureau. */
    lockedKeys: institution?.filingStatus === 'approved' ? ['regionCode'] : [],
    approved: institution?.filingStatus === 'approved',
    bankNames: section === 'operations' ? (await supervisingBanks()).map((b) => b.name) : [],
    sealed: section ? Object.keys(state.sections[section]?.sealed ?? {}) : [],
  }
}

function collectDocumentIds(values: Record<string, any>): number[] {
  const ids: number[] = []
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit)
    else if (v && typeof v === 'object') Object.values(v).forEach(visit)
  }
  for (const [key, value] of Object.entries(values)) {
    if (key.endsWith('Document') && Number.isSafeInteger(value)) ids.push(value as number)
    if (Array.isArray(value))
      for (const row of value)
        for (const [k, v] of Object.entries(row ?? {}))
          if (k.endsWith('Document') && Number.isSafeInteger(v)) ids.push(v as number)
  }
  void visit
  return ids
}
