import { readFile } from 'node:fs/promises'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import { isValidResidentId, sealIdNumber } from '#kernel/shared/personal_data'
import { type CurrentUser, recordAudit } from '#modules/identity'
import ProhibitedPerson from '../models/prohibited_person.js'
import type { RowError } from '../models/import_batch.js'
import { readSheet } from '../services/spreadsheet.js'
import { RecheckStaff } from './recheck_staff.js'

const REASONS: Record<string, ProhibitedPerson['reason']> = {
  性侵害: 'sexual_offence',
  暴力: 'violence',
  毒品: 'drugs',
  其他犯罪: 'other_crime',
  从业禁止: 'professional_ban',
}

/**
 * Imports a list of prohibited persons (columns 姓名, 身份证号, 原因, 来源).
 * Every row is checked first; if any row is wrong nothing is written and
 * each problem is reported with its row number.
 */
export class ImportProhibitedPersons {
  async handle(actor: CurrentUser, file: MultipartFile): Promise<{ added: number; skipped: number; errors: RowError[] }> {
    const rows = await readSheet(await readFile(file.tmpPath!), file.extname === 'csv' ? 'csv' : 'xlsx')
    const errors: RowError[] = []
    const valid: { name: string; idNumber: string; reason: ProhibitedPerson['reason']; source: string | null }[] = []
    const seen = new Set<string>()
    if (!rows.length) errors.push({ row: 1, field: '文件', message: '没有数据行' })
    for (const { row, values } of rows) {
      const name = values['姓名'] ?? ''
      const idNumber = (values['身份证号'] ?? '').toUpperCase()
      const reason = REASONS[values['原因'] ?? ''] ?? (Object.values(REASONS).includes(values['原因'] as any) ? (values['原因'] as ProhibitedPerson['reason']) : undefined)
      if (name.length < 2) errors.push({ row, field: '姓名', message: '请填写姓名' })
      if (!isValidResidentId(idNumber)) errors.push({ row, field: '身份证号', message: '身份证号码无效' })
      else if (seen.has(idNumber)) errors.push({ row, field: '身份证号', message: '与前面的行重复' })
      if (!reason) errors.push({ row, field: '原因', message: `原因应为：${Object.keys(REASONS).join('、')}` })
      seen.add(idNumber)
      if (name.length >= 2 && isValidResidentId(idNumber) && reason) valid.push({ name, idNumber, reason, source: values['来源'] || null })
    }
    if (errors.length) return { added: 0, skipped: 0, errors }

    let added = 0
    const indexes: string[] = []
    for (const person of valid) {
      const sealed = sealIdNumber(person.idNumber)
      if (await ProhibitedPerson.query().where('idNumberIndex', sealed.index).whereNull('revokedAt').first()) continue
      await ProhibitedPerson.create({
        name: person.name,
        idNumberCipher: sealed.cipher,
        idNumberIndex: sealed.index,
        idNumberMasked: sealed.masked,
        reason: person.reason,
        source: person.source,
        regionCode: actor.regionCode!,
        addedById: actor.id,
      })
      indexes.push(sealed.index)
      added++
    }
    await recordAudit({ action: 'registry.prohibited_imported', actor, regionCode: actor.regionCode, summary: `${added} added` })
    for (const index of indexes) await new RecheckStaff().handle(index)
    return { added, skipped: valid.length - added, errors }
  }
}
