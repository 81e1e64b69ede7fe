/*
| Filing a real-name complaint (seeds/004 网上投诉: 实名填写联系人、联系方式，
| 投诉对象、投诉类型、所在区、对象名称、投诉内容). Anonymous complaints are not
| accepted: the name and phone are required and sealed (Art. 19). The case
| is routed at once and its first deadline set.
*/
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import { publish } from '#kernel/shared/outbox'
import { DomainError } from '#kernel/exceptions/domain_error'
import { maskName, sealPhone } from '#kernel/shared/personal_data'
import type { CheckedUpload } from '#kernel/shared/uploads'
import encryption from '@adonisjs/core/services/encryption'
import { lineageOf } from '#modules/identity'
import { institutionSummary } from '#modules/registry'
import { orderFacts } from '#modules/funds'
import Complaint, { type ComplaintType, type TargetType } from '../models/complaint.js'
import ComplaintAttachment from '../models/complaint_attachment.js'
import {
  isLeafRegion,
  kindOf,
  responsibleBureau,
  startsWithInstitution,
} from '../services/routing.js'
import { assignBureau, dueFor } from '../services/deadlines.js'
import { addStep } from '../services/trail.js'
import { bureauName } from '../services/units.js'
import { caseNumber, trackingCode, trackingHash } from '../services/numbers.js'
import { queueTrackingCode } from '../services/complainant_updates.js'

export interface FileComplaintInput {
  channel: 'public' | 'parent'
  authorUserId: number | null
  name: string
  phone: string
  targetType: TargetType
  complaintType: ComplaintType
  /** The county picked on the form; ignored when an institution from the registry is the target. */
  targetRegionCode: string | null
  institutionId: number | null
  targetName: string
  content: string
  orderId: number | null
  attachments: CheckedUpload[]
  /** Runs once the target is known to be valid, before anything is written (the public form's phone code). */
  verify?: () => Promise<void>
}

export class FileComplaint {
  /** Returns the case and, for a complainant without an account, the code to follow it with (shown once). */
  async handle(
    input: FileComplaintInput
  ): Promise<{ complaint: Complaint; trackingCode: string | null }> {
    const institution =
      input.targetType === 'institution' && input.institutionId
        ? await institutionSummary(input.institutionId)
        : null
    if (input.targetType === 'institution' && input.institutionId && !institution)
      throw new DomainError('complaints.errors.no_institution', {}, { field: 'institutionId' })
    const region = institution
      ? (institution.countyCode ?? institution.regionCode)
      : input.targetRegionCode
    if (!institution && !isLeafRegion(region))
      throw new DomainError('complaints.errors.region', {}, { field: 'region' })
    const order = input.orderId ? await orderFacts(input.orderId) : null
    if (input.orderId && (!order || order.parentUserId !== input.authorUserId))
      throw new DomainError('complaints.errors.order', {}, { field: 'orderId' })
    if (order && institution && order.institutionId !== institution.id)
      throw new DomainError('complaints.errors.order_institution', {}, { field: 'orderId' })

    await input.verify?.()

    const lineage = lineageOf(region!)
    const withInstitution = startsWithInstitution(
      input.targetType,
      input.complaintType,
      institution
    )
    const code = input.channel === 'public' ? trackingCode() : null
    const phone = sealPhone(input.phone)
    const complaint = new Complaint()
    complaint.merge({
      number: caseNumber(),
      channel: input.channel,
      authorUserId: input.authorUserId,
      nameCipher: encryption.encrypt(input.name.trim()),
      nameMasked: maskName(input.name.trim()),
      phoneCipher: phone.cipher,
      phoneIndex: phone.index,
      phoneMasked: phone.masked,
      targetType: input.targetType,
      complaintType: input.complaintType,
      kind: kindOf(input.complaintType),
      targetRegionCode: region!,
      institutionId: institution?.id ?? null,
      targetName: institution?.name ?? input.targetName.trim(),
      content: input.content.trim(),
      orderId: order?.id ?? null,
      stage: withInstitution ? 'institution' : 'bureau',
      status: withInstitution ? 'with_institution' : 'submitted',
      provinceCode: lineage.provinceCode!,
      cityCode: lineage.cityCode,
      countyCode: lineage.countyCode,
      timely: true,
      escalations: 0,
      reviewRequested: false,
      reopened: false,
    })
    assignBureau(complaint, responsibleBureau(region!, institution))
    complaint.dueOn = await dueFor(complaint, withInstitution ? 'institution' : 'accept')
    if (code) complaint.trackingHash = trackingHash(complaint.number, code)

    const stored: string[] = []
    try {
      await db.transaction(async (trx) => {
        await complaint.useTransaction(trx).save()
        await addStep(trx, complaint, {
          action: 'filed',
          actorKind: 'complainant',
          unitName: complaint.nameMasked,
        })
        await addStep(trx, complaint, {
          action: withInstitution ? 'to_institution' : 'to_bureau',
          actorKind: 'system',
          unitName: withInstitution ? institution!.name : bureauName(complaint.handlerRegionCode),
          dueOn: complaint.dueOn,
        })
        for (const file of input.attachments) {
          const key = `complaints/${complaint.number}/${file.sha256}.${file.type}`
          await drive.use().put(key, file.bytes)
          stored.push(key)
          await ComplaintAttachment.create(
            {
              complaintId: complaint.id,
              storageKey: key,
              originalName: file.clientName,
              mimeType: file.mimeType,
              sizeBytes: file.bytes.length,
              sha256: file.sha256,
            },
            { client: trx }
          )
        }
        if (code) await queueTrackingCode(trx, complaint, input.phone, code)
        await publish(trx, 'complaints:filed', {
          complaintId: complaint.id,
          institutionId: complaint.institutionId,
          complaintType: complaint.complaintType,
          regionCode: complaint.targetRegionCode,
        })
      })
    } catch (error) {
      await Promise.allSettled(stored.map((key) => drive.use().delete(key)))
      throw error
    }
    return { complaint, trackingCode: code }
  }
}
