import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/exceptions/domain_error'
import { type CurrentUser, recordAudit } from '#modules/identity'
import ChangeRequest from '../models/change_request.js'
import FilingSection from '../models/filing_section.js'
import Institution from '../models/institution.js'
import { publishNotice } from '../services/notices.js'
import { sectionOfKey } from '../services/key_facts.js'
import { publishSupervisionChange } from '../services/supervision_change.js'
import { RecomputeListStatus } from './recompute_list_status.js'

const text = (v: unknown) => (typeof v === 'string' ? v : null)

/**
 * The responsible bureau approves or rejects a key-fact change. An approved
 * change updates the institution and its filing; a new name keeps the old
 * one in the history and is announced publicly (Art. 12). A new supervising
 * bank, account or escrow model is announced to the fund module in the same
 * transaction (the outbox), which moves the supervised account. The
 * decision, its audit entry and the recomputed list status commit together.
 */
export class DecideChange {
  async approve(actor: CurrentUser, requestId: number, comment: string | null) {
    await db.transaction(async (trx) => {
      const request = await ChangeRequest.query({ client: trx })
        .where('id', requestId)
        .forUpdate()
        .firstOrFail()
      if (request.status !== 'pending') throw new DomainError('registry.changes.already_decided')
      const institution = await Institution.query({ client: trx })
        .where('id', request.institutionId)
        .forUpdate()
        .firstOrFail()

      const operations = await FilingSection.query({ client: trx })
        .where('institutionId', institution.id)
        .where('section', 'operations')
        .first()
      const supervisionBefore = { ...(operations?.data ?? {}) }
      for (const [key, { to, sealed }] of Object.entries(request.changes)) {
        const sectionName = sectionOfKey(key)
        if (!sectionName) continue
        const section = await FilingSection.query({ client: trx })
          .where('institutionId', institution.id)
          .where('section', sectionName)
          .forUpdate()
          .first()
        if (section) {
          section.data = { ...section.data, [key]: to }
          if (sealed) section.sealed = { ...section.sealed, [key]: sealed }
          await section.useTransaction(trx).save()
        }
      }
      if (Array.isArray(request.changes.categories?.to))
        institution.categories = request.changes.categories.to as string[]
      await publishSupervisionChange(trx, institution, request, supervisionBefore)
      const name = request.changes.name
      if (name) {
        await trx.table('institution_names').insert({
          institution_id: institution.id,
          name: name.from,
          used_from: institution.approvedAt?.toISODate() ?? null,
          used_until: DateTime.now().toISODate(),
        })
        await publishNotice(
          {
            kind: 'name_change',
            institutionId: institution.id,
            regionCode: institution.regionCode,
            title: `${name.from}更名为${name.to}`,
            body: `经${actor.unitName ?? '教育行政部门'}审核，${name.from}（统一社会信用代码 ${institution.creditCode ?? '—'}）自 ${DateTime.now().setZone('Asia/Shanghai').toISODate()} 起更名为${name.to}。原有合同和预收费继续有效。`,
            publishedByUnit: actor.unitName,
          },
          trx
        )
      }
      institution.merge({
        name: text(request.changes.name?.to) ?? institution.name,
        legalRepName: text(request.changes.legalRepName?.to) ?? institution.legalRepName,
        address: text(request.changes.address?.to) ?? institution.address,
        licenceNumber: text(request.changes.licenceNumber?.to) ?? institution.licenceNumber,
        licenceValidTo: text(request.changes.licenceValidTo?.to)
          ? DateTime.fromISO(text(request.changes.licenceValidTo?.to)!)
          : institution.licenceValidTo,
      })
      await institution.useTransaction(trx).save()
      request.merge({
        status: 'approved',
        decidedById: actor.id,
        decisionComment: comment,
        decidedAt: DateTime.now(),
      })
      await request.useTransaction(trx).save()
      await new RecomputeListStatus().handle(request.institutionId, actor.id, trx)
      await recordAudit(
        {
          action: 'registry.change_approved',
          actor,
          subjectType: 'change_request',
          subjectId: requestId,
        },
        trx
      )
    })
  }

  async reject(actor: CurrentUser, requestId: number, comment: string) {
    await db.transaction(async (trx) => {
      const request = await ChangeRequest.query({ client: trx })
        .where('id', requestId)
        .forUpdate()
        .firstOrFail()
      if (request.status !== 'pending') throw new DomainError('registry.changes.already_decided')
      request.merge({
        status: 'rejected',
        decidedById: actor.id,
        decisionComment: comment,
        decidedAt: DateTime.now(),
      })
      await request.useTransaction(trx).save()
      await recordAudit(
        {
          action: 'registry.change_rejected',
          actor,
          subjectType: 'change_request',
          subjectId: requestId,
        },
        trx
      )
    })
  }
}
