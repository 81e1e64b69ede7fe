/*
| 吉教联〔2019〕75号 二（二）: every city bureau screens the online training
| institutions and reports them on attachment 3 (吉林省校外线上培训机构排查摸底
| 统计表); compliant ones are to complete filing, those with problems are
| rectified within a deadline (grey list), and those that do not rectify
| in time are black-listed (三（三）2). The attachment's own columns are not
| in the published text, so this report counts exactly those outcomes for
| Jilin's online institutions, read from the platform's registry.
*/
import type { Report } from '#plugin_sdk'

const LIST_ORDER = ['white', 'grey', 'black', 'none']
const LIST_LABEL: Record<string, string> = {
  white: '白名单（符合规范）',
  grey: '灰名单（限期整改）',
  black: '黑名单（逾期未整改或严重违规）',
  none: '未列入名单（未完成备案）',
}

export const onlineScreening: Report = {
  id: 'online_screening',
  title: {
    'zh-CN': '校外线上培训机构排查摸底统计',
    'en': 'Screening of online training institutions',
  },
  description: {
    'zh-CN': '吉教联〔2019〕75号附件3口径：线上机构的备案、整改与名单情况',
    'en': 'Filing, rectification and lists of online institutions (JJL [2019] No. 75, attachment 3)',
  },
  columns: [
    { key: 'list', label: { 'zh-CN': '排查结论', 'en': 'Outcome' } },
    { key: 'institutions', label: { 'zh-CN': '机构数', 'en': 'Institutions' }, format: 'number' },
    { key: 'filed', label: { 'zh-CN': '已完成备案', 'en': 'Filed' }, format: 'number' },
    {
      key: 'in_review',
      label: { 'zh-CN': '备案审核中', 'en': 'Filing under review' },
      format: 'number',
    },
    { key: 'returned', label: { 'zh-CN': '退回修改', 'en': 'Returned' }, format: 'number' },
    {
      key: 'not_filed',
      label: { 'zh-CN': '尚未提交备案', 'en': 'Not submitted' },
      format: 'number',
    },
  ],
  chart: { type: 'bar', x: 'list', y: ['filed', 'in_review', 'returned', 'not_filed'] },
  /* report_institutions holds only the opening bureau's region (the host scopes it). */
  async query({ sql }) {
    const rows = await sql(
      `SELECT list_status,
              count(*)::int AS institutions,
              count(*) FILTER (WHERE filing_status = 'approved')::int AS filed,
              count(*) FILTER (WHERE filing_status = 'submitted')::int AS in_review,
              count(*) FILTER (WHERE filing_status = 'returned')::int AS returned,
              count(*) FILTER (WHERE filing_status = 'draft')::int AS not_filed
         FROM report_institutions
        WHERE delivery = 'online' AND NOT removed
        GROUP BY list_status`
    )
    return rows
      .sort(
        (a, b) =>
          LIST_ORDER.indexOf(String(a.list_status)) - LIST_ORDER.indexOf(String(b.list_status))
      )
      .map((r) => ({ ...r, list: LIST_LABEL[String(r.list_status)] ?? String(r.list_status) }))
  },
}
