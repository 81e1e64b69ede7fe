import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import vine, { errors as vineErrors } from '@vinejs/vine'
import type { MessagesProviderContact } from '@vinejs/vine/types'
import { type CurrentUser, attachOrganization, lineageOf, recordAudit } from '#modules/identity'
import { DomainError } from '#kernel/exceptions/domain_error'
import Institution from '../models/institution.js'
import FilingSection from '../models/filing_section.js'
import { FIELDS, type FilingValues, type Section, isShown } from '../filing/fields.js'
import { DocumentRejected, ownedDocumentIds, storeDocument } from '../services/documents.js'
import { documentPaths, extraFieldsFor, loadFiling } from '../services/filing.js'
import { sectionSchema } from '../services/filing_schema.js'
import { sealPersonalFields } from '../services/personal_fields.js'
import { pinKeyFacts } from '../services/key_facts.js'
import {
  CreditCodeTaken,
  assertCreditCodeFree,
  claimCreditCode,
  isCreditCodeRace,
} from '../services/credit_code_claims.js'
import { RequestChange } from './request_change.js'

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

export type SaveSectionResult = {
  institution: Institution | null
  errors: Record<string, string[]>
  /** Key facts of an approved filing the save sent to the bureau as a change request. */
  proposed?: string[]
}

const getPath = (obj: any, path: string[]) =>
  path.reduce((o, k) => (o === null || o === undefined ? undefined : o[k]), obj)
function setPath(obj: any, path: string[], value: unknown) {
  let target = obj
  for (const key of path.slice(0, -1)) target = target[key] ??= {}
  target[path.at(-1)!] = value
}

/**
 * Saves one part of the wizard. What was typed is kept as a draft even when
 * it is not valid yet, so nobody loses work by leaving; the part counts as
 * complete only when it validates. Key facts of an approved filing are not
 * changed here: an edit of one is filed as a change request the bureau
 * decides, and the filing keeps the approved value until then.
 */
export class SaveFilingSection {
  async handle(input: SaveSectionInput): Promise<SaveSectionResult> {
    const { actor, section, messages } = input
    let institution = input.institution
    if (institution && institution.filingStatus === 'submitted')
      throw new DomainError('registry.filing.locked_in_review')

    const state = await loadFiling(institution)
    const existing = state.sections[section]
    const approved = institution?.filingStatus === 'approved'
    const raw: FilingValues = { ...input.fields }
    const changeReason = typeof raw.changeReason === 'string' ? raw.changeReason.trim() : ''
    delete raw.changeReason

    const errors: Record<string, string[]> = {}
    await this.#attachDocuments(section, raw, input, institution, errors)

    const sealed = { ...(existing?.sealed ?? {}) }
    for (const def of FIELDS[section].filter((f) => f.personal)) {
      if (!raw[def.name] && sealed[def.name]) raw[`${def.name}__kept`] = true
    }

    const values = { ...state.values, ...raw }
    const extra = await extraFieldsFor(
      section,
      values.regionCode ?? institution?.regionCode,
      values.delivery ?? institution?.delivery
    )
    if (extra.length && (typeof raw.extra !== 'object' || raw.extra === null)) raw.extra = {}
    let data: FilingValues | null = null
    try {
      data = await vine
        .create(sectionSchema(FIELDS[section], values, extra))
        .validate(raw, { messagesProvider: messages })
    } catch (error) {
      if (!(error instanceof vineErrors.E_VALIDATION_ERROR)) throw error
      for (const m of error.messages as { field: string; message: string }[])
        (errors[m.field] ??= []).push(m.message)
    }
    const valid = data !== null && Object.keys(errors).length === 0

    if (!institution) {
      if (section !== 'basic' || !valid) return { institution: null, errors }
      try {
        institution = await this.#createInstitution(actor, data!)
      } catch (error) {
        if (!(error instanceof CreditCodeTaken)) throw error
        return {
          institution: null,
          errors: { creditCode: [input.translate('registry.filing.credit_code_taken')] },
        }
      }
    } else if (
      section === 'basic' &&
      valid &&
      !approved &&
      data!.creditCode !== institution.creditCode
    ) {
      try {
        await claimCreditCode(institution, data!.creditCode)
      } catch (error) {
        if (!(error instanceof CreditCodeTaken)) throw error
        errors.creditCode = [input.translate('registry.filing.credit_code_taken')]
        return { institution, errors }
      }
    }

    let draft = valid ? data! : this.#draftOf(section, raw, values)
    let proposed: string[] | undefined
    if (approved) {
      const pinned = pinKeyFacts(section, draft, existing?.data ?? {}, existing?.sealed ?? {})
      draft = pinned.data
      if (valid && Object.keys(pinned.changes).length) {
        proposed = await this.#propose(
          actor,
          institution,
          pinned.changes,
          changeReason,
          errors,
          input.translate
        )
      }
    }

    const stored = sealPersonalFields(section, draft, sealed, existing?.data ?? {})
    const saved = institution
    /* The part, the public columns it feeds and its audit entry commit together. */
    await db.transaction(async (trx) => {
      await FilingSection.updateOrCreate(
        { institutionId: saved.id, section },
        { data: stored, sealed, complete: valid, skipped: false },
        { client: trx }
      )
      if (saved.filingStatus === 'approved')
        await this.#refreshPublicColumns(saved, section, stored, trx)
      await recordAudit(
        {
          action: 'registry.filing_saved',
          actor,
          subjectType: 'institution',
          subjectId: saved.id,
          regionCode: saved.regionCode,
          summary: section,
        },
        trx
      )
    })
    return { institution, errors, proposed }
  }

  /* An edited key fact becomes a change request; without a reason, or with one already pending, the form says so. */
  async #propose(
    actor: CurrentUser,
    institution: Institution,
    changes: Record<string, any>,
    reason: string,
    errors: Record<string, string[]>,
    translate: (key: string) => string
  ) {
    if (reason.length < 2) {
      errors.changeReason = [translate('registry.filing.change_reason_required')]
      return undefined
    }
    try {
      await new RequestChange().file(actor, institution, changes, reason)
      return Object.keys(changes)
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      errors.changeReason = [translate(error.messageKey ?? 'registry.changes.one_pending')]
      return undefined
    }
  }

  async #attachDocuments(
    section: Section,
    raw: FilingValues,
    input: SaveSectionInput,
    institution: Institution | null,
    errors: Record<string, string[]>
  ) {
    const paths = documentPaths(section, raw)
    const claimed = paths
      .map((p) => Number(getPath(raw, p.path)))
      .filter((n) => Number.isSafeInteger(n) && n > 0)
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
    await assertCreditCodeFree(data.creditCode, null)
    try {
      return await db.transaction(async (trx) => {
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
    } catch (error) {
      /* Two drafts racing for one code: the unique index decides, the loser gets the message. */
      if (isCreditCodeRace(error)) throw new CreditCodeTaken()
      throw error
    }
  }

  async #refreshPublicColumns(
    institution: Institution,
    section: Section,
    data: FilingValues,
    trx: TransactionClientContract
  ) {
    if (section === 'operations') {
      institution.categories = data.categories ?? institution.categories
      institution.serviceChannels = data.serviceChannels ?? institution.serviceChannels
      await institution.useTransaction(trx).save()
    }
  }
}
