import i18nManager from '@adonisjs/i18n/services/main'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { todayIso } from '#kernel/shared/dates'
import { bureauAccountsFor } from '#modules/identity'
import { queueText } from '#modules/messages'
import { clipTextParam, institutionSummary } from '#modules/registry'
import type FundAnomaly from '../models/fund_anomaly.js'

/*
| A fund anomaly is the county's to assess and close (DOMAIN-RULES.md,
| risk warnings), so it reaches the county bureau's message centre at
| once, in the transaction that raised it; a red one (money may have left
| supervision) the city bureau's too. Due the day it was raised: it is
| dealt with at once. Keyed by the anomaly, so it is told once.
*/
export async function remindBureausOfAnomaly(
  trx: TransactionClientContract,
  anomaly: FundAnomaly
): Promise<number> {
  const county = await bureauAccountsFor(anomaly.regionCode, { client: trx })
  const city =
    anomaly.severity === 'red' && anomaly.cityCode && anomaly.cityCode !== anomaly.regionCode
      ? await bureauAccountsFor(anomaly.cityCode, { levels: ['city'], client: trx })
      : []
  const zh = i18nManager.locale('zh-CN')
  const institution = await institutionSummary(anomaly.institutionId, trx)
  const what = `${zh.t(`funds.anomalies.severity.${anomaly.severity}`)}：${zh.t(`funds.anomalies.kinds.${anomaly.kind}`)}（${institution?.name ?? ''}）`
  const recipients = [...county, ...city]
  for (const userId of recipients) {
    await queueText(
      {
        kind: 'deadline_reminder',
        to: { userId },
        params: { what: clipTextParam(what, 35), due: todayIso() },
        key: `fund_anomaly:${anomaly.id}`,
        link: '/manage/funds/anomalies',
      },
      trx
    )
  }
  return recipients.length
}
