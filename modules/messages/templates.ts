/*
| Every message the platform sends, as data: the text a provider approves
| (zh-CN, with the English version for the inbox of English-speaking users),
| its parameters in the order the template declares them (Tencent's are
| positional), which of them are secrets, and whether a person may turn the
| text off (codes and money may not: they must reach the phone).
|
| Chinese SMS providers approve a template once and then fill only its
| variables, so: the text stays short, every link is the platform's own
| address written into the template ({@app}, APP_URL at render time, never
| a parameter), and each variable is short (Aliyun allows 35 characters for
| most; a link token needs 43).
*/

export type MessageKind =
  | 'verification_code'
  | 'already_registered'
  | 'password_link'
  | 'complaint_tracking'
  | 'complaint_update'
  | 'refund_update'
  | 'class_recorded'
  | 'institution_removed'
  | 'institution_blacklisted'
  | 'fund_warning'
  | 'rectification_due'
  | 'risk_warning'
  | 'risk_notice'
  | 'reminder'
  | 'deadline_reminder'
  | 'student_record_mismatch'

export interface TemplateParam {
  name: string
  /** Longest value the provider accepts for it. */
  max: number
  /** Grants something (a code, a link token): the log and the inbox keep it masked. */
  secret?: boolean
}

export interface MessageTemplate {
  kind: MessageKind
  /** What an operator sees in the template list. */
  purpose: string
  params: TemplateParam[]
  /** The text after the sign name; {name} is a parameter, {@app} the platform's address. */
  text: { 'zh-CN': string; 'en': string }
  /** Texted whatever the person's preferences (codes, links, money). */
  mandatory: boolean
  /** Who receives it, for the preferences page: the roles it is meant for. */
  audience: Audience[]
  /** Minutes after which the text is worth nothing (a code, a link) and is never sent late. */
  ttlMinutes?: number
}

export type Audience = 'anyone' | 'parent' | 'institution' | 'admin'

const p = (name: string, max = 35, secret = false): TemplateParam => ({ name, max, secret })

const list: MessageTemplate[] = [
  {
    kind: 'verification_code',
    purpose: '注册、登录与找回密码的验证码',
    params: [p('code', 6, true), p('minutes', 3)],
    text: {
      'zh-CN': '验证码 {code}，{minutes} 分钟内有效。请勿告诉他人。',
      'en': 'Your code is {code}, valid for {minutes} minutes. Never share it.',
    },
    mandatory: true,
    audience: ['anyone'],
    ttlMinutes: 10,
  },
  {
    kind: 'already_registered',
    purpose: '有人用已注册的手机号申请注册时提醒本人',
    params: [],
    text: {
      'zh-CN':
        '有人用本手机号申请注册。本号码已注册平台账号，无需重复注册，请直接登录：{@app}/login 。如非本人操作，请忽略本短信。',
      'en': 'Someone tried to register with this number, which already has an account. Sign in at {@app}/login. If it was not you, ignore this text.',
    },
    mandatory: true,
    audience: ['anyone'],
    ttlMinutes: 10,
  },
  {
    kind: 'password_link',
    purpose: '开通账号或重置密码后的设置密码链接',
    params: [p('name', 20), p('what', 12), p('hours', 3), p('token', 43, true)],
    text: {
      'zh-CN':
        '{name}，{what}。请在 {hours} 小时内打开链接设置密码（仅可使用一次）：{@app}/password/set/{token}',
      'en': '{name}, {what}. Open this link within {hours} hours to set your password (it works once): {@app}/password/set/{token}',
    },
    mandatory: true,
    audience: ['anyone'],
    ttlMinutes: 48 * 60,
  },
  {
    kind: 'complaint_tracking',
    purpose: '投诉提交后的编号和查询码',
    params: [p('number', 20), p('code', 12, true)],
    text: {
      'zh-CN': '您的投诉已提交，编号 {number}，查询码 {code}。凭编号和查询码可查看办理进度。',
      'en': 'Your complaint {number} was filed; its tracking code is {code}. Use both to follow it.',
    },
    mandatory: true,
    audience: ['anyone'],
  },
  {
    kind: 'complaint_update',
    purpose: '投诉受理、答复、办结等每一步',
    params: [p('number', 20), p('what', 40)],
    text: {
      'zh-CN': '您的投诉 {number} {what}，请登录平台或凭查询码查看。',
      'en': 'Your complaint {number}: {what}. Sign in or use its tracking code to see it.',
    },
    mandatory: false,
    audience: ['parent'],
  },
  {
    kind: 'refund_update',
    purpose: '退费申请的受理、同意、拒绝和到账',
    params: [p('institution', 30), p('what', 35), p('yuan', 12), p('order', 20)],
    text: {
      'zh-CN': '您在{institution}的退费申请（¥{yuan}）{what}。详情：{@app}/parent/orders/{order}',
      'en': 'Your refund request at {institution} (¥{yuan}): {what}. Details: {@app}/parent/orders/{order}',
    },
    mandatory: true,
    audience: ['parent'],
  },
  {
    kind: 'class_recorded',
    purpose: '机构登记课时后告知家长，可一键提出异议',
    params: [
      p('institution', 30),
      p('student', 10),
      p('classNo', 4),
      p('date', 10),
      p('time', 5),
      p('yuan', 12),
      p('due', 10),
      p('order', 20),
      p('classAnchor', 8),
    ],
    text: {
      'zh-CN':
        '{institution}登记了{student}的第{classNo}课时（{date} {time}），课时费 ¥{yuan} 将从监管账户拨付。如未上课，请在 {due} 前点击提出异议：{@app}/parent/orders/{order}#class-{classAnchor}',
      'en': '{institution} recorded class {classNo} of {student} ({date} {time}); ¥{yuan} will be paid from the supervised account. If it did not take place, dispute it by {due}: {@app}/parent/orders/{order}#class-{classAnchor}',
    },
    mandatory: true,
    audience: ['parent'],
  },
  {
    kind: 'institution_removed',
    purpose: '机构被注销、停止办学时告知有未消课费用的家长（监管办法第十五条）',
    params: [p('institution', 30), p('yuan', 12)],
    text: {
      'zh-CN':
        '{institution}已被注销或停止办学，您尚有 ¥{yuan} 未消课费用在监管账户中。请登录 {@app}/parent/orders 申请退费，或联系当地教育部门。',
      'en': '{institution} has been removed or stopped teaching; ¥{yuan} of your unconsumed fees is in its supervised account. Request a refund at {@app}/parent/orders or contact your local education bureau.',
    },
    mandatory: true,
    audience: ['parent'],
  },
  {
    kind: 'institution_blacklisted',
    purpose: '机构被列入黑名单时告知有合同或未消课费用的家长',
    params: [p('institution', 30), p('yuan', 12)],
    text: {
      'zh-CN':
        '{institution}已被列入校外培训机构黑名单，您尚有 ¥{yuan} 未消课费用在监管账户中。如需退费请登录 {@app}/parent/orders 申请，或联系当地教育部门。',
      'en': '{institution} has been black-listed; ¥{yuan} of your unconsumed fees is in its supervised account. Request a refund at {@app}/parent/orders or contact your local education bureau.',
    },
    mandatory: true,
    audience: ['parent'],
  },
  {
    kind: 'fund_warning',
    purpose: '监管账户出现红色预警时告知家长',
    params: [p('institution', 30), p('yuan', 12)],
    text: {
      'zh-CN':
        '{institution}的资金监管账户出现异常，教育部门正在核查。您尚有 ¥{yuan} 未消课费用，可登录 {@app}/parent/orders 查看或申请退费。',
      'en': 'The supervised account of {institution} shows an anomaly the education bureau is checking. ¥{yuan} of your fees is unconsumed; see or refund it at {@app}/parent/orders.',
    },
    mandatory: true,
    audience: ['parent'],
  },
  {
    kind: 'rectification_due',
    purpose: '整改期限将到时提醒机构',
    params: [p('item', 20), p('deadline', 10)],
    text: {
      'zh-CN': '贵机构“{item}”整改事项将于 {deadline} 到期，请按期整改并在平台提交整改情况。',
      'en': 'Your rectification of "{item}" is due on {deadline}. Rectify it and report on the platform in time.',
    },
    mandatory: false,
    audience: ['institution'],
  },
  {
    kind: 'risk_warning',
    purpose: '风险预警告知机构',
    params: [p('level', 4), p('what', 35)],
    text: {
      'zh-CN': '贵机构收到{level}风险预警：{what}。请登录平台查看并处理。',
      'en': 'Your institution received a {level} risk warning: {what}. Sign in to see and act on it.',
    },
    mandatory: false,
    audience: ['institution'],
  },
  {
    kind: 'risk_notice',
    purpose: '风险预警逾期未解除、教育部门发布风险提示时告知有合同或未消课费用的家长',
    params: [p('institution', 30), p('yuan', 12)],
    text: {
      'zh-CN':
        '教育部门已发布关于{institution}的风险提示，您尚有 ¥{yuan} 未消课费用。请登录 {@app}/parent/orders 查看或申请退费。',
      'en': 'The education bureau published a risk notice about {institution}. ¥{yuan} of your fees is unconsumed; see or refund it at {@app}/parent/orders.',
    },
    mandatory: true,
    audience: ['parent'],
  },
  {
    kind: 'reminder',
    purpose: '省级插件策略或教育部门的提醒',
    /* A plugin's or a bureau's own words: longer than most variables, still one text with the sign name. */
    params: [p('from', 20), p('what', 100)],
    text: {
      'zh-CN': '{from}提醒：{what}',
      'en': 'Reminder from {from}: {what}',
    },
    mandatory: false,
    audience: ['institution', 'admin'],
  },
  {
    kind: 'deadline_reminder',
    purpose: '教育部门的办理期限将到或已过（投诉、备案、课程审核、资金异常、整改）',
    params: [p('what', 35), p('due', 10)],
    text: {
      'zh-CN': '待办提醒：{what}，期限 {due}。请登录平台办理。',
      'en': 'To do: {what}, due {due}. Sign in to deal with it.',
    },
    mandatory: false,
    audience: ['admin', 'institution'],
  },
  {
    kind: 'student_record_mismatch',
    purpose: '孩子档案的学校或年级与学籍核验结果不一致时告知监护人',
    /* The child's name masked (王*明): enough for a parent of two to know which. */
    params: [p('child', 10)],
    text: {
      'zh-CN':
        '学籍核验提示：{child}的孩子档案中的学校或年级与学籍记录不一致，请登录 {@app}/parent/children 核对。',
      'en': 'Student record check: the school or grade in the profile of {child} differs from the student record. Check it at {@app}/parent/children',
    },
    mandatory: false,
    audience: ['parent'],
  },
]

export const TEMPLATES: ReadonlyMap<MessageKind, MessageTemplate> = new Map(
  list.map((template) => [template.kind, template])
)

export const MESSAGE_KINDS = list.map((template) => template.kind)

export function templateOf(kind: MessageKind): MessageTemplate {
  const template = TEMPLATES.get(kind)
  if (!template) throw new Error(`No message template "${kind}"`)
  return template
}
