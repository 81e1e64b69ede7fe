/*
| Jilin province (吉林省) — the reference plugin.
|
| Source: 吉林省教育厅等六部门《吉林省规范校外线上培训的实施方案》
| (吉教联〔2019〕75号). This file only wires; each rule lives in rules/.
*/
import { definePlugin } from '#plugin_sdk'
import { auditRetentionDays } from './rules/audit_retention.js'
import { filingFields } from './rules/filing_fields.js'
import { courseRules } from './rules/course_rules.js'
import { onlineScreening } from './reports/online_screening.js'
import { jilinSettings } from './settings.js'

export default definePlugin({
  id: 'jilin',
  name: { 'zh-CN': '吉林省校外培训监管规则', 'en': 'Jilin off-campus training rules' },
  version: '0.1.0',
  platform: '^1.0.0',
  pins: {
    'identity.audit.retention_days': 1,
    'registry.filing.extra_fields': 1,
    'catalog.course.validate': 1,
  },
  regions: ['220000'],
  description: {
    'zh-CN':
      '依据吉教联〔2019〕75号实施吉林省线上机构的备案项目、课程时间与教师资质规则、日志留存期限，以及线上机构排查统计表。',
    'en': 'Jilin online institutions: filing items, class-time and teacher rules, log retention and the screening report (JJL [2019] No. 75).',
  },
  rules: {
    'identity.audit.retention_days': auditRetentionDays,
    'registry.filing.extra_fields': filingFields,
    'catalog.course.validate': courseRules,
  },
  reports: [onlineScreening],
  settings: jilinSettings,
})
