import logger from '@adonisjs/core/services/logger'
import i18nManager from '@adonisjs/i18n/services/main'
import { todayIso } from '#kernel/shared/dates'
import Finding from '../models/finding.js'
import Institution from '../models/institution.js'
import { remindResponsibleBureau } from './remind_responsible_bureau.js'

const BATCH = 500

/**
 * Daily: a finding not closed by its deadline (never reported, or
 * reported and not yet accepted) is put, once per deadline, before the
 * bureau responsible for the institution, which inspected it and must
 * now accept the report or act on the missed deadline.
 */
export class RemindOverdueRectifications {
  async handle(today = todayIso()): Promise<number> {
    const zh = i18nManager.locale('zh-CN')
    let reminded = 0
    for (let afterId = 0; ;) {
      const overdue = await Finding.query()
        .whereIn('status', ['open', 'reported'])
        .where('deadline', '<', today)
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(BATCH)
      if (!overdue.length) break
      afterId = overdue.at(-1)!.id
      for (const finding of overdue) {
        try {
          const institution = await Institution.find(finding.institutionId)
          if (!institution || institution.removedAt) continue
          const deadline = finding.deadline.toISODate()!
          reminded += await remindResponsibleBureau(institution, {
            what: `整改逾期（${zh.t(`registry.items.${finding.item}`)}）：${institution.name}`,
            due: deadline,
            key: `rectification_overdue:${finding.id}:${deadline}`,
            link: `/manage/inspections/${finding.inspectionId}`,
          })
        } catch (error) {
          logger.error({ err: error, finding: finding.id }, 'overdue rectification reminder failed')
        }
      }
    }
    return reminded
  }
}
