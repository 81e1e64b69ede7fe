import db from '@adonisjs/lucid/services/db'
import vine, { errors as vineErrors } from '@vinejs/vine'
import type { MessagesProviderContact } from '@vinejs/vine/types'
import { type CurrentUser, attachOrganization, lineageOf, recordAudit } from '#modules/identity'
import { DomainError } from '#kernel/exceptions/domain_error'
import Institution from '../models/institution.js'
import FilingSection from '../models/filing_section.js'
import { FIELDS, type FilingValues, type Section, isShown } from '../filing/fields.js'
import { DocumentRejected, ownedDocumentIds, storeDocument } from '../services/documents.js'
import { KEY_FIELDS, documentPaths, extraFieldsFor, loadFiling } from '../services/filing.js'
import { sectionSchema } from '../services/filing_schema.js'
import { sealPersonalFields } from '../services/personal_fields.js'

export interface SaveSectionInput {
  actor: CurrentUser
  institution: Institution | null
  section: Section
  fields: Record<string, any>
  files: Record<string, any>
  messages: MessagesProviderContact
  /** Translates the module's own message keys (rejected uploads). */
  translate: (key: string) => string
}

export type SaveSectionResult = { institution: Institution | null; errors: Record<string, string[]> }

const getPath = (obj: any, path: string[]) => path.reduce((o, k) => (o == null ? undefined : o[k]), obj)
function setPath(obj: any, path: string[], value: unknown) {
  let target = obj
  for (const key of path.slice(0, -1)) target = target[key] ??= {}
  target[path.at(-1)!] = value
}

/**
 * Saves one part of the wizard. What was typed is kept as a draft even when
 * it is not valid yet, so nobody loses work by leaving; the part counts as
 * complete only when it validates. Key facts of an approved filing are not
 * changed here: they go through a change request.
 */
export class SaveFilingSection {
  async handle(input: SaveSectionInput): Promise<SaveSectionResult> {
    const { actor, section, messages } = input
    let institution = input.institution
    if (institution && institution.filingStatus === 'submitted') throw new DomainError('registry.filing.locked_in_review')

    const state = await loadFiling(institution)
    const existing = state.sections[section]
    const raw: FilingValues = { ...input.fields }
    if (institution?.filingStatus === 'approved') {
      for (const key of KEY_FIELDS) if (existing && key in existing.data) raw[key] = existing.data[key]
    }

    const errors: Record<string, string[]> = {}
    await this.#attachDocuments(section, raw, input, institution, errors)

    const sealed = { ...(existing?.sealed ?? {}) }
    for (const def of FIELDS[section].filter((f) => f.personal)) {
      if (!raw[def.name] && sealed[def.name]) raw[`${def.name}__kept`] = true
    }

    const values = { ...state.values, ...raw }
    const extra = await extraFieldsFor(section, values.regionCode ?? institution?.regionCode, values.delivery ?? institution?.delivery)
    if (extra.length && (typeof raw.extra !== 'object' || raw.extra === null)) raw.extra = {}
    let data: FilingValues | null = null
    try {
      data = await vine.create(sectionSchema(FIELDS[section], values, extra)).validate(raw, { messagesProvider: messages })
    } catch (error) {
      if (!(error instanceof vineErrors.E_VALIDATION_ERROR)) throw error
      for (const m of error.messages as { field: string; message: string }[]) (errors[m.field] ??= []).push(m.message)
    }
    const valid = data !== null && Object.keys(errors).length === 0

    if (!institution) {
      if (section !== 'basic' || !valid) return { institution: null, errors }
      institution = await this.#createInstitution(actor, data!)
    }

    const stored = sealPersonalFields(section, valid ? data! : this.#draftOf(section, raw, values), sealed, existing?.data ?? {})
    await FilingSection.updateOrCreate(
      { institutionId: institution.id, section },
      { data: stored, sealed, complete: valid, skipped: false }
    )
    if (institution.filingStatus === 'approved') await this.#refreshPublicColumns(institution, section, stored)
    await recordAudit({ action: 'registry.filing_saved', actor, subjectType: 'institution', subjectId: institution.id, regionCode: institution.regionCode, summary: section })
    return { institution, errors }
  }

  async #attachDocuments(section: Section, raw: FilingValues, input: SaveSectionInput, institution: Institution | null, errors: Record<string, string[]>) {
    const paths = documentPaths(section, raw)
    const claimed = paths.map((p) => Number(getPath(raw, p.path))).filter((n) => Number.isSafeInteger(n) && n > 0)
    const owned = institution ? await ownedDocumentIds(institution.id, claimed) : new Set<number>()
    for (const { path } of paths) {
      const current = Number(getPath(raw, path))
      setPath(raw, path, owned.has(current) ? current : undefined)
      const file = getPath(input.files, path)
      if (!file || !institution) continue
      try {
        const doc = await storeDocument(file, institution.id, path.at(-1)!, input.actor.id)
        setPath(raw, path, doc.id)
      } catch (error) {
        if (!(error instanceof DocumentRejected)) throw error
        ;(errors[path.join('.')] ??= []).push(input.translate(error.messageKey))
      }
    }
  }

  /* Invalid input is kept as typed (strings only, trimmed) so the form comes back as it was left. */
  #draftOf(section: Section, raw: FilingValues, values: FilingValues): FilingValues {
    const draft: FilingValues = {}
    for (const def of FIELDS[section]) {
      if (!isShown(def, values) || def.personal) continue
      const value = raw[def.name]
      if (value !== undefined && value !== null) draft[def.name] = value
    }
    if (raw.extra) draft.extra = raw.extra
    return draft
  }

  async #createInstitution(actor: CurrentUser, data: FilingValues): Promise<Institution> {
    const lineage = lineageOf(data.regionCode)
    return db.transaction(async (trx) => {
      const institution = await Institution.create(
        {
          name: data.name,
          creditCode: data.creditCode,
          delivery: data.delivery,
          nature: data.nature,
          regionCode: lineage.regionCode,
          provinceCode: lineage.provinceCode!,
          cityCode: lineage.cityCode,
          countyCode: lineage.countyCode,
          address: data.address,
          legalRepName: data.legalRepName,
          filingStatus: 'draft',
          source: 'self',
        },
        { client: trx }
      )
      await attachOrganization(actor.id, 'institution', institution.id, trx)
      return institution
    })
  }

  async #refreshPublicColumns(institution: Institution, section: Section, data: FilingValues) {
    if (section === 'operations') {
      institution.categories = data.categories ?? institution.categories
      institution.serviceChannels = data.serviceChannels ?? institution.serviceChannels
      await institution.save()
    }
  }
}
