import type { PluginField, Rule } from '#plugin_sdk'

/**
 * 吉教联〔2019〕75号 附件1《吉林省校外线上培训备案信息表》: online
 * institutions also file their telecom licence, their cybersecurity
 * protection level and its filing number, and where their servers are.
 */
const ONLINE_FILING_FIELDS: PluginField[] = [
  {
    name: 'telecomLicence',
    label: { 'zh-CN': '电信业务经营许可证号', 'en': 'Telecom business licence no.' },
    type: 'text',
    hint: {
      'zh-CN': '如涉及经营电信业务，须填写',
      'en': 'Required if the platform runs a telecom business',
    },
    maxLength: 64,
  },
  {
    name: 'securityLevel',
    label: { 'zh-CN': '网络安全等级保护级别', 'en': 'Cybersecurity protection level' },
    type: 'select',
    required: true,
    options: [
      { value: '1', label: { 'zh-CN': '第一级', 'en': 'Level 1' } },
      { value: '2', label: { 'zh-CN': '第二级', 'en': 'Level 2' } },
      { value: '3', label: { 'zh-CN': '第三级', 'en': 'Level 3' } },
    ],
  },
  {
    name: 'securityFilingNumber',
    label: { 'zh-CN': '等保备案号', 'en': 'Protection-level filing no.' },
    type: 'text',
    required: true,
    maxLength: 64,
  },
  {
    name: 'serverLocation',
    label: { 'zh-CN': 'IP 地址及服务器放置城市', 'en': 'Server IP address and city' },
    type: 'text',
    required: true,
    hint: { 'zh-CN': '服务器应设置在境内', 'en': 'Servers must be located in mainland China' },
    maxLength: 128,
  },
]

export const filingFields: Rule<'registry.filing.extra_fields'> = async (input, ctx) => {
  const national = await ctx.next()
  return input.section === 'basic' && input.delivery === 'online'
    ? [...national, ...ONLINE_FILING_FIELDS]
    : national
}
