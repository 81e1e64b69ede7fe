import { templateCodes } from '../channels/configured.js'
import { renderMasked, signName } from '../services/render.js'
import { TEMPLATES } from '../templates.js'

/* Sample values an operator reads a template with (what a provider's reviewer sees). */
const SAMPLES: Record<string, string> = {
  code: '123456',
  minutes: '5',
  name: '张老师',
  what: '已受理',
  hours: '24',
  token: 'x'.repeat(43),
  number: 'TS20270301001',
  institution: '长春市朝阳区示例培训学校',
  yuan: '1200.00',
  order: '1024',
  student: '王*',
  classNo: '3',
  date: '2027-03-06',
  time: '09:30',
  due: '2027-03-27',
  classAnchor: '3',
  item: '培训材料',
  deadline: '2027-04-01',
  level: '红色',
  from: '吉林省教育厅',
}

/** Every template as the provider approves it (sign name, text, parameters in order) and as a sample reads. */
export function templatePreviews(locale: 'zh-CN' | 'en') {
  const codes = templateCodes()
  return [...TEMPLATES.values()].map((template) => ({
    kind: template.kind,
    purpose: template.purpose,
    mandatory: template.mandatory,
    params: template.params,
    code: codes[template.kind] ?? null,
    text: template.text['zh-CN'],
    sample: `【${signName()}】${renderMasked(
      template.kind,
      Object.fromEntries(template.params.map((p) => [p.name, SAMPLES[p.name] ?? p.name])),
      locale
    )}`,
  }))
}
