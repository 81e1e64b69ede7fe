import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import { DomainError } from '#kernel/exceptions/domain_error'
import { sealIdNumber } from '#kernel/shared/personal_data'
import { ConfirmPassword, type CurrentUser, type RequestMeta, recordAudit } from '#modules/identity'
import Contract from '../models/contract.js'
import Course from '../models/course.js'
import { contractPdf } from '../contracts/pdf.js'
import { sha256Of } from '../contracts/template.js'
import { type StudentInput, contractTerms, signingTime } from '../services/contract_terms.js'
import { isUniqueViolation } from '#kernel/shared/db_errors'
import { salesFrozen } from '../services/sales_freezes.js'
import { publish } from '#kernel/shared/outbox'
import {
  SEAT_HOLD_MINUTES,
  UNPAID_CONTRACT_CAP,
  lapseExpiredHolds,
  unpaidHolds,
} from '../services/seat_holds.js'

export interface SignInput extends StudentInput {
  templateVersion: number
  previewHash: string
  password: string
}

const contractNumber = (id: number, at: DateTime) =>
  `XW${at.setZone('Asia/Shanghai').toFormat('yyyyMMdd')}${String(id).padStart(8, '0')}`

/**
 * A parent signs the standard contract online (001: 提供格式合同在线签订服务).
 * The terms must be the ones the parent read (same template version, same
 * hash), the parent confirms their password, and the course must still be
 * on sale with a free place. The signed contract, its hash and its PDF are
 * written once and frozen; a second signature for the same student and
 * course is refused. The contract, its audit entry and its event commit
 * together; the PDF is stored before and removed only when that
 * transaction rolled back, so no committed contract ever loses its file.
 * An unpaid contract holds its seat for a while only (`seat_holds.ts`).
 */
export class SignContract {
  async handle(
    actor: CurrentUser,
    courseRow: Course,
    input: SignInput,
    meta: RequestMeta
  ): Promise<Contract> {
    await new ConfirmPassword().handle(
      actor,
      input.password,
      meta,
      `sign contract for course ${courseRow.id}`
    )
    const terms = await contractTerms(actor, courseRow, input)
    if (terms.template.version !== input.templateVersion) {
      throw new DomainError('catalog.contracts.template_changed', {
        version: terms.template.version,
      })
    }
    if (terms.previewHash !== input.previewHash)
      throw new DomainError('catalog.contracts.terms_changed')

    const student = terms.student
    const sealed = sealIdNumber(student.studentIdNumber)
    await this.#refuseDuplicate(courseRow.id, sealed.index)

    const signedAt = DateTime.now()
    const id = Number(
      (await db.rawQuery(`SELECT nextval(pg_get_serial_sequence('contracts', 'id')) AS id`)).rows[0]
        .id
    )
    const number = contractNumber(id, signedAt)
    const content = {
      ...terms.body,
      signature: {
        number,
        signedAt: signingTime(signedAt),
        method: '平台账号密码确认身份后电子签署',
        signer: input.guardianName,
      },
    }
    const contentSha256 = sha256Of(content)
    const pdf = await contractPdf(content, contentSha256)
    const pdfKey = `catalog/contracts/${signedAt.toFormat('yyyy/MM')}/${randomUUID()}.pdf`
    await drive.use().put(pdfKey, pdf)

    let contract: Contract
    try {
      contract = await db.transaction(async (trx) => {
        /* One parent's signatures queue here, so the cap holds under concurrent clicks; then the course's seats. */
        await trx.rawQuery('SELECT pg_advisory_xact_lock(?, ?)', [4301, actor.id])
        if ((await unpaidHolds(trx, actor.id)) >= UNPAID_CONTRACT_CAP)
          throw new DomainError('catalog.contracts.too_many_unpaid', { cap: UNPAID_CONTRACT_CAP })
        const course = await Course.query({ client: trx })
          .where('id', courseRow.id)
          .forUpdate()
          .firstOrFail()
        if (course.status !== 'on_sale' || course.version !== courseRow.version)
          throw new DomainError('catalog.contracts.terms_changed')
        /* A freeze raised while the parent was reading stops this signature too. */
        if (await salesFrozen(course.institutionId, trx))
          throw new DomainError('catalog.contracts.sales_frozen')
        await lapseExpiredHolds(trx, course.id)
        const taken = await Contract.query({ client: trx })
          .where('courseId', course.id)
          .whereNot('status', 'terminated')
          .count('* as n')
        if (Number(taken[0]!.$extras.n) >= course.capacity)
          throw new DomainError('catalog.contracts.full')
        await this.#refuseDuplicate(course.id, sealed.index, trx)
        const signed = await Contract.create(
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
            studentName: student.studentName,
            studentIdCipher: sealed.cipher,
            studentIdIndex: sealed.index,
            studentIdMasked: sealed.masked,
            studentSchool: student.studentSchool,
            studentGrade: student.studentGrade,
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
            seatHeldUntil: signedAt.plus({ minutes: SEAT_HOLD_MINUTES }),
            lapsedAt: null,
          },
          { client: trx }
        )
        await recordAudit(
          {
            action: 'catalog.contract_signed',
            actor,
            subjectType: 'contract',
            subjectId: signed.id,
            regionCode: signed.regionCode,
            meta,
            summary: number,
          },
          trx
        )
        await publish(trx, 'catalog:contract_signed', {
          contractId: signed.id,
          courseId: signed.courseId,
          institutionId: signed.institutionId,
          parentUserId: actor.id,
          regionCode: signed.regionCode,
          totalFen: signed.totalFen,
          perChargeFen: signed.perChargeFen,
        })
        return signed
      })
    } catch (error) {
      /* The transaction rolled back, so no contract refers to this file. */
      await drive
        .use()
        .delete(pdfKey)
        .catch(() => {})
      if (isUniqueViolation(error))
        throw new DomainError('catalog.contracts.already_signed', { number: '' })
      throw error
    }
    return contract
  }

  async #refuseDuplicate(courseId: number, studentIndex: string, client?: any) {
    const existing = await Contract.query(client ? { client } : {})
      .where('courseId', courseId)
      .where('studentIdIndex', studentIndex)
      .whereNot('status', 'terminated')
      /* An unpaid contract whose hold ran out no longer counts (the sweep or this signature lapses it). */
      .where((q) =>
        q
          .whereNot('status', 'signed')
          .orWhereNull('seatHeldUntil')
          .orWhere('seatHeldUntil', '>', DateTime.now().toJSDate())
      )
      .first()
    if (existing)
      throw new DomainError('catalog.contracts.already_signed', { number: existing.number })
  }
}
