import type { Rule } from '#plugin_sdk'

/**
 * 吉教联〔2019〕75号 二(二)1④: 用户行为日志须留存 1 年以上.
 * Jilin keeps audit and behaviour logs for at least a year, longer than
 * the national default; a longer national default still wins.
 */
export const auditRetentionDays: Rule<'identity.audit.retention_days'> = async (_input, ctx) => {
  return Math.max(366, await ctx.next())
}
