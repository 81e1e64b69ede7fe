import i18nManager from '@adonisjs/i18n/services/main'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { accountsActingFor } from '#modules/identity'
import { queueText } from '#modules/messages'
import type { RiskLevel } from './thresholds.js'

/**
 * Tells the institution's accounts of a warning raised or risen to a
 * level, in the warning's transaction: inbox and (unless turned off) a
 * text, once per warning and level. Returns how many accounts.
 */
export async function remindInstitution(
  trx: TransactionClientContract,
  warning: { id: number; institutionId: number; indicator: string; level: RiskLevel }
): Promise<number> {
  const zh = i18nManager.locale('zh-CN')
  const accounts = await accountsActingFor('institution', warning.institutionId, trx)
  for (const userId of accounts) {
    await queueText(
      {
        kind: 'risk_warning',
        to: { userId },
        params: {
          level: zh.t(`credit_risk.levels.${warning.level}`),
          what: zh.t(`credit_risk.indicators.${warning.indicator}`),
        },
        key: `risk_warning:${warning.id}:${warning.level}`,
        link: `/institution/risk/${warning.id}`,
      },
      trx
    )
  }
  return accounts.length
}
