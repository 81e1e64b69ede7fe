import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import i18nManager from '@adonisjs/i18n/services/main'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import { DomainError } from '#kernel/exceptions/domain_error'
import { type CurrentUser, inScope, lineageOf, recordAudit } from '#modules/identity'
import ImportBatch, { type RowError } from '../models/import_batch.js'
import FilingSection from '../models/filing_section.js'
import Institution from '../models/institution.js'
import { importColumns } from '../filing/import_columns.js'
import { SECTIONS } from '../filing/fields.js'
import { parseImportRow, type ParsedRow } from '../services/import_rows.js'
import { filingMessages } from '../services/filing_messages.js'
import { importFailure, readImportFile, storeImportFile } from '../services/import_files.js'
import {
  type OwnershipProblem,
  importOwnershipProblem,
  ownershipMessageKey,
} from '../services/import_ownership.js'
import { applyApprovedValues } from './review_filing.js'
import { type SealedFields, sealPersonalFields } from '../services/personal_fields.js'
import { RecomputeListStatus } from './recompute_list_status.js'
import { accountFiledByAnother } from '../services/supervised_account_owner.js'
import { supervisionFacts } from '../services/supervision_change.js'

/* Template rows 1 (headers) and 2 (hints) are not data. */
const HEADER_ROW = 1
/* Rows per transaction, and how often the progress bar moves. */
const CHUNK = 100

function tools() {
  const i18n = i18nManager.locale('zh-CN')
  const label = (key: string) => i18n.t(key)
  return { label, columns: importColumns(label), messages: filingMessages(i18n) }
}

async function dataRows(batch: ImportBatch) {
  const rows = await readImportFile(batch, HEADER_ROW)
  return rows.filter(
    (r) => !Object.values(r.values).some((v) => v.startsWith('填写：') || v.startsWith('格式：'))
  )
}

/** Step 1: keep the uploaded file and queue its validation. Nothing is written to the registry yet. */
export class UploadImport {
  async handle(
    actor: CurrentUser,
    file: MultipartFile
  ): Promise<{ batch: ImportBatch; earlier: ImportBatch | null }> {
    const { storageKey, sha256, fileName } = await storeImportFile(file)
    const earlier = await ImportBatch.query()
      .where('kind', 'institutions')
      .where('fileSha256', sha256)
      .where('status', 'done')
      .orderBy('id', 'desc')
      .first()
    /* The batch and its audit entry commit together. */
    const batch = await db.transaction(async (trx) => {
      const created = await ImportBatch.create(
        {
          kind: 'institutions',
          uploadedById: actor.id,
          regionCode: actor.regionCode!,
          fileName,
          fileSha256: sha256,
          storageKey,
          status: 'validating',
        },
        { client: trx }
      )
      await recordAudit(
        {
          action: 'registry.import_uploaded',
          actor,
          subjectType: 'import_batch',
          subjectId: created.id,
          regionCode: actor.regionCode,
          summary: created.fileName,
        },
        trx
      )
      return created
    })
    return { batch, earlier }
  }
}

/** Step 2 (a job): every row is checked; the errors are listed by row and column. */
export class ValidateImport {
  async handle(batchId: number) {
    const batch = await ImportBatch.query()
      .where('id', batchId)
      .where('kind', 'institutions')
      .firstOrFail()
    if (batch.status !== 'validating') return
    const { label, columns, messages } = tools()
    try {
      const rows = await dataRows(batch)
      const errors: RowError[] = []
      const codes = new Map<string, number>()
      if (!rows.length) errors.push({ row: HEADER_ROW + 1, field: '文件', message: '没有数据行' })
      for (const { row, values } of rows) {
        const { parsed, errors: rowErrors } = await parseImportRow(
          row,
          values,
          columns,
          label,
          messages
        )
        errors.push(...rowErrors)
        if (!parsed) continue
        if (!inScope(parsed.regionCode, batch.regionCode))
          errors.push({
            row,
            field: label('registry.fields.regionCode'),
            message: '不在您所辖地区内',
          })
        const first = codes.get(parsed.creditCode)
        if (first)
          errors.push({
            row,
            field: label('registry.fields.creditCode'),
            message: `与第 ${first} 行重复`,
          })
        codes.set(parsed.creditCode, row)
      }
      errors.push(...(await ownershipErrors(codes, batch.regionCode, label)))
      errors.sort((a, b) => a.row - b.row)
      batch.merge({
        totalRows: rows.length,
        rowErrors: errors.slice(0, 500),
        status: errors.length ? 'invalid' : 'ready',
      })
    } catch (error) {
      batch.merge({ status: 'failed', failure: importFailure(error) })
    }
    await batch.save()
  }
}

/** Step 3 (a job, after the person confirms): rows become filed institutions, keyed by credit code so a re-upload duplicates nothing. */
export class RunImport {
  async start(actor: CurrentUser, batch: ImportBatch) {
    /* Only one start wins, even when the button is pressed twice. */
    await db.transaction(async (trx) => {
      const claimed = await trx
        .from('import_batches')
        .where('id', batch.id)
        .where('status', 'ready')
        .update({ status: 'importing', updated_at: DateTime.now().toSQL() }, ['id'])
      if (!claimed.length) throw new DomainError('registry.imports.not_ready')
      await recordAudit(
        {
          action: 'registry.import_started',
          actor,
          subjectType: 'import_batch',
          subjectId: batch.id,
          regionCode: actor.regionCode,
        },
        trx
      )
    })
  }

  async handle(batchId: number) {
    const batch = await ImportBatch.query()
      .where('id', batchId)
      .where('kind', 'institutions')
      .firstOrFail()
    if (batch.status !== 'importing') return
    const { label, columns, messages } = tools()
    try {
      const rows = await dataRows(batch)
      let created = 0
      let updated = 0
      const refused: RowError[] = []
      /*
      | A transaction per CHUNK rows, not per row: the rows were all validated
      | already, and a commit per row was most of the import's time. A failure
      | keeps the chunks before it; importing the file again updates them.
      */
      for (let start = 0; start < rows.length; start += CHUNK) {
        const chunk = rows.slice(start, start + CHUNK)
        await db.transaction(async (trx) => {
          for (const { row, values } of chunk) {
            const { parsed } = await parseImportRow(row, values, columns, label, messages)
            if (!parsed) continue
            const outcome = await this.#upsert(parsed, batch.regionCode, trx)
            if (outcome === 'created') created++
            else if (outcome === 'updated') updated++
            else
              refused.push({
                row,
                field: label(
                  outcome === 'supervision_key_fact' || outcome === 'account_taken'
                    ? 'registry.fields.supervisedAccount'
                    : 'registry.fields.creditCode'
                ),
                message: label(ownershipMessageKey(outcome)),
              })
          }
        })
        await ImportBatch.query()
          .where('id', batch.id)
          .update({
            processed_rows: start + chunk.length,
            created_count: created,
            updated_count: updated,
            skipped_count: refused.length,
            updated_at: DateTime.now().toSQL(),
          })
      }
      await ImportBatch.query()
        .where('id', batch.id)
        .update({
          status: 'done',
          row_errors: JSON.stringify(refused.slice(0, 500)),
          updated_at: DateTime.now().toSQL(),
        })
    } catch (error) {
      await ImportBatch.query()
        .where('id', batch.id)
        .update({ status: 'failed', failure: importFailure(error) })
    }
  }

  /**
   * Creates or updates one institution. The ownership rule is checked again
   * here, under the row lock: between validation and this run the code may
   * have been filed by the institution itself or moved to another region.
   */
  async #upsert(
    parsed: ParsedRow,
    bureauRegion: string,
    trx: TransactionClientContract
  ): Promise<'created' | 'updated' | OwnershipProblem> {
    const lineage = lineageOf(parsed.regionCode)
    let existing = await Institution.query({ client: trx })
      .where('creditCode', parsed.creditCode)
      .whereNull('removedAt')
      .forUpdate()
      .first()
    const problem = existing ? importOwnershipProblem(existing, bureauRegion) : null
    if (problem) return problem
    const supervision = await supervisionProblem(parsed, existing, trx)
    if (supervision) return supervision
    const fresh = !existing
    existing ??= new Institution()
    existing.useTransaction(trx)
    existing.merge({
      name: parsed.sections.basic!.name,
      creditCode: parsed.creditCode,
      delivery: parsed.sections.basic!.delivery,
      regionCode: lineage.regionCode,
      provinceCode: lineage.provinceCode!,
      cityCode: lineage.cityCode,
      countyCode: lineage.countyCode,
    })
    if (fresh)
      existing.merge({ filingStatus: 'approved', approvedAt: DateTime.now(), source: 'import' })
    const values: Record<string, any> = {}
    const sections: {
      section: (typeof SECTIONS)[number]
      data: Record<string, any>
      sealed: SealedFields
    }[] = []
    for (const section of SECTIONS) {
      const data = parsed.sections[section]
      if (!data) continue
      Object.assign(values, data)
      const sealed: SealedFields = {}
      sections.push({ section, data: sealPersonalFields(section, data, sealed), sealed })
    }
    applyApprovedValues(existing, values)
    await existing.save()
    if (fresh) {
      /* A new institution has no filing parts yet: one insert for all of them. */
      await FilingSection.createMany(
        sections.map(({ section, data, sealed }) => ({
          institutionId: existing.id,
          section,
          data,
          sealed,
          complete: true,
          skipped: false,
        })),
        { client: trx }
      )
    } else {
      for (const { section, data, sealed } of sections) {
        await FilingSection.updateOrCreate(
          { institutionId: existing.id, section },
          { data, sealed, complete: true, skipped: false },
          { client: trx }
        )
      }
    }
    await new RecomputeListStatus().handle(existing.id, null, trx)
    return fresh ? 'created' : 'updated'
  }
}

/** A row may set an institution's supervised account once (when it creates it), never move it, and never to another institution's account. */
async function supervisionProblem(
  parsed: ParsedRow,
  existing: Institution | null,
  trx: TransactionClientContract
): Promise<OwnershipProblem | null> {
  const row = parsed.sections.operations ?? {}
  if (existing) {
    const operations = await FilingSection.query({ client: trx })
      .where('institutionId', existing.id)
      .where('section', 'operations')
      .first()
    const before = supervisionFacts(operations?.data ?? {})
    const after = supervisionFacts({ ...(operations?.data ?? {}), ...row })
    const moved =
      before.bank !== after.bank ||
      before.account !== after.account ||
      before.escrowModel !== after.escrowModel
    if (moved && (before.bank || before.account)) return 'supervision_key_fact'
  }
  return (await accountFiledByAnother(trx, existing?.id ?? null, supervisionFacts(row)))
    ? 'account_taken'
    : null
}

/** Rows whose credit code belongs to an institution this bureau's import may not update. */
async function ownershipErrors(
  codes: Map<string, number>,
  bureauRegion: string,
  label: (key: string) => string
): Promise<RowError[]> {
  if (!codes.size) return []
  const existing = await Institution.query()
    .whereIn('creditCode', [...codes.keys()])
    .whereNull('removedAt')
    .select('creditCode', 'regionCode', 'source', 'filingStatus')
  const errors: RowError[] = []
  for (const institution of existing) {
    const problem = importOwnershipProblem(institution, bureauRegion)
    if (problem)
      errors.push({
        row: codes.get(institution.creditCode!)!,
        field: label('registry.fields.creditCode'),
        message: label(ownershipMessageKey(problem)),
      })
  }
  return errors
}
