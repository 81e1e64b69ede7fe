import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import i18nManager from '@adonisjs/i18n/services/main'
import { isValidResidentId, sealIdNumber } from '#kernel/shared/personal_data'
import { CurrentUserProvider, recordAudit } from '#modules/identity'
import ProhibitedPerson from '../models/prohibited_person.js'
import ImportBatch, { type RowError } from '../models/import_batch.js'
import { importFailure, readImportFile } from '../services/import_files.js'
import { RecheckStaff } from './recheck_staff.js'

const REASONS: Record<string, ProhibitedPerson['reason']> = {
  性侵害: 'sexual_offence',
  暴力: 'violence',
  毒品: 'drugs',
  其他犯罪: 'other_crime',
  从业禁止: 'professional_ban',
}

type ValidRow = {
  name: string
  idNumber: string
  reason: ProhibitedPerson['reason']
  source: string | null
}

function checkRows(rows: { row: number; values: Record<string, string> }[]): {
  valid: ValidRow[]
  errors: RowError[]
} {
  const errors: RowError[] = []
  const valid: ValidRow[] = []
  const seen = new Set<string>()
  if (!rows.length) errors.push({ row: 1, field: '文件', message: '没有数据行' })
  for (const { row, values } of rows) {
    const name = values['姓名'] ?? ''
    const idNumber = (values['身份证号'] ?? '').toUpperCase()
    const reason =
      REASONS[values['原因'] ?? ''] ??
      (Object.values(REASONS).includes(values['原因'] as any)
        ? (values['原因'] as ProhibitedPerson['reason'])
        : undefined)
    if (name.length < 2) errors.push({ row, field: '姓名', message: '请填写姓名' })
    if (!isValidResidentId(idNumber))
      errors.push({ row, field: '身份证号', message: '身份证号码无效' })
    else if (seen.has(idNumber)) errors.push({ row, field: '身份证号', message: '与前面的行重复' })
    if (!reason)
      errors.push({ row, field: '原因', message: `原因应为：${Object.keys(REASONS).join('、')}` })
    seen.add(idNumber)
    if (name.length >= 2 && isValidResidentId(idNumber) && reason)
      valid.push({ name, idNumber, reason, source: values['来源'] || null })
  }
  return { valid, errors }
}

/**
 * The import job for a prohibited-persons list (columns 姓名, 身份证号, 原因,
 * 来源). Every row is checked first; if any row is wrong nothing is written
 * and each problem is listed with its row number on the list page.
 */
export class ImportProhibitedPersons {
  async handle(batchId: number) {
    const batch = await ImportBatch.query()
      .where('id', batchId)
      .where('kind', 'prohibited_persons')
      .firstOrFail()
    if (batch.status !== 'validating') return
    const actor = (await new CurrentUserProvider().findById(batch.uploadedById))?.getOriginal()
    if (!actor)
      return this.#finish(batch, {
        status: 'failed',
        failure: i18nManager.locale('zh-CN').t('registry.imports.uploader_inactive'),
      })
    let rows
    try {
      rows = await readImportFile(batch)
    } catch (error) {
      return this.#finish(batch, { status: 'failed', failure: importFailure(error) })
    }
    const { valid, errors } = checkRows(rows)
    if (errors.length)
      return this.#finish(batch, {
        status: 'invalid',
        totalRows: rows.length,
        rowErrors: errors.slice(0, 500),
      })

    /* All rows or none: the list never holds half a file. */
    const indexes = await db.transaction(async (trx) => {
      const added: string[] = []
      /* A retried job finds the batch already done and writes nothing twice. */
      const fresh = await trx
        .from('import_batches')
        .where('id', batch.id)
        .where('status', 'validating')
        .forUpdate()
        .first()
      for (const person of fresh ? valid : []) {
        const sealed = sealIdNumber(person.idNumber)
        if (
          await ProhibitedPerson.query({ client: trx })
            .where('idNumberIndex', sealed.index)
            .whereNull('revokedAt')
            .first()
        )
          continue
        await ProhibitedPerson.create(
          {
            name: person.name,
            idNumberCipher: sealed.cipher,
            idNumberIndex: sealed.index,
            idNumberMasked: sealed.masked,
            reason: person.reason,
            source: person.source,
            regionCode: batch.regionCode,
            addedById: actor.id,
          },
          { client: trx }
        )
        added.push(sealed.index)
      }
      if (fresh) {
        await trx
          .from('import_batches')
          .where('id', batch.id)
          .update({
            status: 'done',
            total_rows: rows.length,
            processed_rows: rows.length,
            created_count: added.length,
            skipped_count: valid.length - added.length,
            updated_at: DateTime.now().toSQL(),
          })
      }
      /* With the rows it records; a retried job that wrote nothing still leaves its entry, as before. */
      await recordAudit(
        {
          action: 'registry.prohibited_imported',
          actor,
          subjectType: 'import_batch',
          subjectId: batch.id,
          regionCode: batch.regionCode,
          summary: `${added.length} added`,
        },
        trx
      )
      return added
    })
    for (const index of indexes) await new RecheckStaff().handle(index)
  }

  async #finish(
    batch: ImportBatch,
    values: Partial<Pick<ImportBatch, 'status' | 'failure' | 'totalRows' | 'rowErrors'>>
  ) {
    batch.merge(values)
    await batch.save()
  }
}
