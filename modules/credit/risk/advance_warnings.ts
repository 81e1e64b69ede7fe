/*
| The lifecycle of a warning not lifted (Art. 17), run daily after the
| nightly evaluation: once its urge date passed, the responsible bureau
| (county, or province for an online institution) is urged; once its
| notice date passed too, a public risk notice (风险提示) is published on
| the website and the institution's page, and the parents with a live
| contract or unconsumed fees are told. Each step locks its warning,
| re-checks it is still open and not yet done, and writes its mark in the
| same transaction as its messages or notice, so a rerun does nothing twice.
*/
import i18nManager from '@adonisjs/i18n/services/main'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { ZONE, todayIso } from '#kernel/shared/dates'
import { tellParentsOfRiskNotice } from '#modules/funds'
import {
  clipTextParam,
  institutionSummary,
  publishNotice,
  remindResponsibleBureau,
} from '#modules/registry'

const BATCH = 500

export interface LifecycleRun {
  urged: number
  noticed: number
}

export async function advanceRiskWarnings(today = todayIso()): Promise<LifecycleRun> {
  return {
    urged: await each('urged_at IS NULL AND urge_due_on <= ?', today, urgeBureau),
    noticed: await each(
      'urged_at IS NOT NULL AND noticed_at IS NULL AND notice_due_on <= ?',
      today,
      publishRiskNotice
    ),
  }
}

type Step = (warningId: number) => Promise<boolean>

async function each(where: string, today: string, step: Step): Promise<number> {
  let done = 0
  for (let afterId = 0; ;) {
    const rows = await db
      .from('risk_warnings')
      .whereNull('lifted_at')
      .whereRaw(where, [today])
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(BATCH)
      .select('id')
    if (!rows.length) return done
    afterId = Number(rows.at(-1)!.id)
    for (const row of rows) if (await step(Number(row.id))) done += 1
  }
}

const zh = () => i18nManager.locale('zh-CN')

/** Urges the responsible bureau of one warning; false when it was lifted or urged meanwhile. */
export async function urgeBureau(warningId: number): Promise<boolean> {
  return db.transaction(async (trx) => {
    const w = await trx
      .from('risk_warnings')
      .where('id', warningId)
      .whereNull('lifted_at')
      .whereNull('urged_at')
      .forUpdate()
      .select(
        'id',
        'institution_id',
        'indicator',
        db.raw(`to_char(notice_due_on, 'YYYY-MM-DD') AS due`)
      )
      .first()
    if (!w) return false
    const institution = await institutionSummary(Number(w.institution_id))
    if (!institution || institution.removed) return false
    await remindResponsibleBureau(
      institution,
      {
        what: zh().t('credit_risk.urge', {
          what: zh().t(`credit_risk.indicators.${w.indicator}`),
          name: clipTextParam(institution.name, 14),
        }),
        due: w.due,
        key: `risk_urge:${w.id}`,
        link: `/manage/risk/warnings/${w.id}`,
      },
      trx
    )
    await trx
      .from('risk_warnings')
      .where('id', w.id)
      .update({ urged_at: new Date(), updated_at: new Date() })
    return true
  })
}

/** Publishes the public risk notice of one warning and tells its parents; false when it was lifted or published meanwhile. */
export async function publishRiskNotice(warningId: number): Promise<boolean> {
  return db.transaction(async (trx) => {
    const w = await trx
      .from('risk_warnings')
      .where('id', warningId)
      .whereNull('lifted_at')
      .whereNotNull('urged_at')
      .whereNull('noticed_at')
      .forUpdate()
      .select('id', 'institution_id', 'indicator', 'level', 'raised_at')
      .first()
    if (!w) return false
    const institution = await institutionSummary(Number(w.institution_id))
    if (!institution || institution.removed) return false
    const t = zh()
    const notice = await publishNotice(
      {
        kind: 'risk',
        institutionId: institution.id,
        regionCode: institution.regionCode,
        title: t.t('credit_risk.notice.title', { name: institution.name }),
        body: t.t('credit_risk.notice.body', {
          name: institution.name,
          level: t.t(`credit_risk.levels.${w.level}`),
          what: t.t(`credit_risk.indicators.${w.indicator}`),
          raised: DateTime.fromJSDate(w.raised_at).setZone(ZONE).toISODate(),
        }),
        publishedByUnit: null,
      },
      trx
    )
    /* Keyed on the warning: a later warning of the same institution going public is news again. */
    await tellParentsOfRiskNotice(institution.id, `risk_warning:${w.id}`, trx)
    await trx
      .from('risk_warnings')
      .where('id', w.id)
      .update({ noticed_at: new Date(), notice_id: notice.id, updated_at: new Date() })
    return true
  })
}
