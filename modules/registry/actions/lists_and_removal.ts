import { DateTime } from 'luxon'
import emitter from '@adonisjs/core/services/emitter'
import { DomainError } from '#kernel/exceptions/domain_error'
import { type CurrentUser, recordAudit } from '#modules/identity'
import type Institution from '../models/institution.js'
import { publishNotice } from '../services/notices.js'
import { RecomputeListStatus } from './recompute_list_status.js'

/** A bureau sets the list status itself, with a written reason; it holds until cleared. */
export class OverrideListStatus {
  async set(actor: CurrentUser, institution: Institution, status: 'white' | 'grey' | 'black', reason: string) {
    institution.listOverride = status
    institution.listOverrideReason = reason.trim()
    await institution.save()
    await recordAudit({ action: 'registry.list_overridden', actor, subjectType: 'institution', subjectId: institution.id, regionCode: institution.regionCode, summary: `${status}: ${reason}` })
    return new RecomputeListStatus().handle(institution.id, actor.id)
  }

  async clear(actor: CurrentUser, institution: Institution) {
    institution.listOverride = null
    institution.listOverrideReason = null
    await institution.save()
    await recordAudit({ action: 'registry.list_override_cleared', actor, subjectType: 'institution', subjectId: institution.id, regionCode: institution.regionCode })
    return new RecomputeListStatus().handle(institution.id, actor.id)
  }
}

/**
 * Removal from the platform (Art. 15): the institution leaves search and
 * the lists, its records stay, its users are told (other modules react to
 * the event) and a major case may be published. The same level can undo it.
 */
export class RemoveInstitution {
  async remove(actor: CurrentUser, institution: Institution, reason: string, publish: boolean) {
    if (institution.removedAt) throw new DomainError('registry.removal.already_removed')
    institution.merge({ removedAt: DateTime.now(), removalReason: reason.trim(), removedById: actor.id })
    await institution.save()
    if (publish) {
      await publishNotice({
        kind: 'removal',
        institutionId: institution.id,
        regionCode: institution.regionCode,
        title: `${institution.name}从平台撤除`,
        body: `${institution.name}（统一社会信用代码 ${institution.creditCode ?? '—'}）${reason.trim()}，经${actor.unitName ?? '属地教育行政部门'}履行相关程序，自 ${DateTime.now().setZone('Asia/Shanghai').toISODate()} 起从全国平台撤除。已购课家长请通过平台申请退费或投诉。`,
        publishedByUnit: actor.unitName,
      })
    }
    await recordAudit({ action: 'registry.institution_removed', actor, subjectType: 'institution', subjectId: institution.id, regionCode: institution.regionCode, summary: reason })
    emitter.emit('registry:institution_removed', { institutionId: institution.id, regionCode: institution.regionCode, reason })
  }

  async restore(actor: CurrentUser, institution: Institution) {
    if (!institution.removedAt) throw new DomainError('registry.removal.not_removed')
    institution.merge({ removedAt: null, removalReason: null, removedById: null })
    await institution.save()
    await recordAudit({ action: 'registry.institution_restored', actor, subjectType: 'institution', subjectId: institution.id, regionCode: institution.regionCode })
    await new RecomputeListStatus().handle(institution.id, actor.id)
    emitter.emit('registry:institution_restored', { institutionId: institution.id, regionCode: institution.regionCode })
  }
}
