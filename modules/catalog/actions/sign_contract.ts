import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import emitter from '@adonisjs/core/services/emitter'
import { DomainError } from '#kernel/exceptions/domain_error'
import { sealIdNumber } from '#kernel/shared/personal_data'
import { ConfirmPassword, type CurrentUser, type RequestMeta, recordAudit } from '#modules/identity'
import Contract from '../models/contract.js'
import Course from '../models/course.js'
import { contractPdf } from '../contracts/pdf.js'
import { sha256Of } from '../contracts/template.js'
import { type StudentInput, contractTerms, signingTime } from '../services/contract_terms.js'
import { isUniqueViolation } from '#kernel/shared/db_errors'

export interface SignInput extends StudentInput {
  templateVersion: number
  previewHash: string
  password: string
}

const contractNumber = (id: number, at: DateTime) => `XW${at.setZone('Asia/Shanghai').toFormat('yyyyMMdd')}${String(id).padStart(8, '0')}`

/**
 * A parent signs the standard contract online (001: 提供格式合同在线签订服务).
 * The terms must be the ones the parent read (same template version, same
 * hash), the parent confirms their password, and the course must still be
 * on sale with a free place. The signed contract, its hash and its PDF are
 * written once and frozen; a second signature for the same student and
 * course is refused.
 */
export class SignContract {
  async handle(actor: CurrentUser, courseRow: Course, input: SignInput, meta: RequestMeta): Promise<Contract> {
    await new ConfirmPassword().handle(actor, input.password, meta, `sign contract for course ${courseRow.id}`)
    const terms = await contractTerms(actor, courseRow, input)
    if (terms.template.version !== input.templateVersion) {
      throw new DomainError('catalog.contracts.template_changed', { version: terms.template.version })
    }
    if (terms.previewHash !== input.previewHash) throw new DomainError('catalog.contracts.terms_changed')

    const sealed = sealIdNumber(input.studentIdNumber)
    await this.#refuseDuplicate(courseRow.id, sealed.index)

    const signedAt = DateTime.now()
    const id = Number((await db.rawQuery(`SELECT nextval(pg_get_serial_sequence('contracts', 'id')) AS id`)).rows[0].id)
    const number = contractNumber(id, signedAt)
    const content = {
      ...terms.body,
      signature: { number, signedAt: signingTime(signedAt), method: '平台账号密码确认身份后电子签署', signer: input.guardianName },
    }
    const contentSha256 = sha256Of(content)
    const pdf = await contractPdf(content, contentSha256)
    const pdfKey = `catalog/contracts/${signedAt.toFormat('yyyy/MM')}/${randomUUID()}.pdf`
    await drive.use().put(pdfKey, pdf)

    try {
      const contract = await db.transaction(async (trx) => {
        const course = await Course.query({ client: trx }).where('id', courseRow.id).forUpdate().firstOrFail()
        if (course.status !== 'on_sale' || course.version !== courseRow.version) throw new DomainError('catalog.contracts.terms_changed')
        const taken = await Contract.query({ client: trx }).where('courseId', course.id).whereNot('status', 'terminated').count('* as n')
        if (Number(taken[0].$extras.n) >= course.capacity) throw new DomainError('catalog.contracts.full')
        await this.#refuseDuplicate(course.id, sealed.index, trx)
        return Contract.create(
          {
            id,
            number,
            templateId: terms.template.id,
            templateVersion: terms.template.version,
            courseId: course.id,
            courseVersion: course.version,
            institutionId: course.institutionId,
            regionCode: terms.party.regionCode,
            provinceCode: terms.party.provinceCode,
            cityCode: terms.party.cityCode,
            countyCode: terms.party.countyCode,
            parentUserId: actor.id,
            studentName: input.studentName,
            studentIdCipher: sealed.cipher,
            studentIdIndex: sealed.index,
            studentIdMasked: sealed.masked,
            studentSchool: input.studentSchool,
            studentGrade: input.studentGrade,
            guardianName: input.guardianName,
            guardianRelation: input.guardianRelation,
            totalFen: course.totalFen,
            perChargeFen: course.perChargeFen,
            classCount: course.classCount,
            content,
            contentSha256,
            pdfKey,
            pdfSha256: sha256Of(pdf),
            signMethod: 'password',
            signerIp: meta.ip ?? null,
            signedAt,
            status: 'signed',
          },
          { client: trx }
        )
      })
      await recordAudit({ action: 'catalog.contract_signed', actor, subjectType: 'contract', subjectId: contract.id, regionCode: contract.regionCode, meta, summary: number })
      emitter.emit('catalog:contract_signed', {
        contractId: contract.id,
        courseId: contract.courseId,
        institutionId: contract.institutionId,
        parentUserId: actor.id,
        regionCode: contract.regionCode,
        totalFen: contract.totalFen,
        perChargeFen: contract.perChargeFen,
      })
      return contract
    } catch (error) {
      await drive.use().delete(pdfKey)
      if (isUniqueViolation(error)) throw new DomainError('catalog.contracts.already_signed', { number: '' })
      throw error
    }
  }

  async #refuseDuplicate(courseId: number, studentIndex: string, client?: any) {
    const existing = await Contract.query(client ? { client } : {})
      .where('courseId', courseId)
      .where('studentIdIndex', studentIndex)
      .whereNot('status', 'terminated')
      .first()
    if (existing) throw new DomainError('catalog.contracts.already_signed', { number: existing.number })
  }
}
