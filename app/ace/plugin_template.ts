/*
| The files `node ace make:plugin <id>` writes: a plugin with one rule, one
| policy, one report and a menu item, and tests for each, passing as
| written. The numbers and the document named are examples to replace with
| the province's own (the generated README says so); nothing runs until the
| plugin is added to PLUGINS. Tokens: __ID__, __REGIONS__, __PROVINCE__,
| __PLATFORM__ (the plugin API version), __COURSE_POINT__.
*/
const PLUGIN = `/*
| __ID__: a provincial plugin. This file only wires; each rule, policy and
| report lives in its own file. Import nothing but '#plugin_sdk'.
*/
import { definePlugin } from '#plugin_sdk'
import { classLength } from './rules/class_length.js'
import { creditOnLateAnswer } from './policies/credit_on_late_answer.js'
import { institutionsByList } from './reports/institutions_by_list.js'

export default definePlugin({
  id: '__ID__',
  name: {
    'zh-CN': '__ID__ 校外培训监管规则',
    'en': '__ID__ off-campus training rules',
  },
  version: '0.1.0',
  platform: '^__PLATFORM__',
  regions: __REGIONS__,
  rules: { 'catalog.course.validate': classLength },
  /* The point versions these rules were written for: start-up refuses the plugin if one changes. */
  pins: { 'catalog.course.validate': __COURSE_POINT__ },
  policies: [creditOnLateAnswer],
  reports: [institutionsByList],
  menu: [
    {
      label: { 'zh-CN': '本省机构名单统计', 'en': 'Institutions by list' },
      href: '/manage/reports/plugins/__ID__/institutions_by_list',
      terminal: 'management',
    },
  ],
})
`

const AUTHORITY = `import type { LocalizedText } from '#plugin_sdk'

/** Replace with the province's document and article each rule enforces. */
export const AUTHORITY: LocalizedText = {
  'zh-CN': '（示例）请替换为本省文件名称、文号和条款',
  'en': '(example) replace with the province document, its number and article',
}
`

const RULE = `import type { Rule } from '#plugin_sdk'
import { AUTHORITY } from '../authority.js'

/** An example limit: replace with the province's own, with its source. */
export const MAX_CLASS_MINUTES = 45

/** A decision rule: adds its violations to the national ones for courses in this plugin's provinces. */
export const classLength: Rule<'catalog.course.validate'> = (course) =>
  course.minutesPerClass <= MAX_CLASS_MINUTES
    ? []
    : [
        {
          rule: '__ID__.class_minutes',
          authority: AUTHORITY,
          message: {
            'zh-CN': \`每节课 \${course.minutesPerClass} 分钟，超过 \${MAX_CLASS_MINUTES} 分钟。\`,
            'en': \`A class lasts \${course.minutesPerClass} minutes, over \${MAX_CLASS_MINUTES}.\`,
          },
          fix: { 'zh-CN': '缩短每节课的时长。', 'en': 'Shorten each class.' },
          field: 'minutesPerClass',
        },
      ]
`

const POLICY = `import { definePolicy } from '#plugin_sdk'
import { AUTHORITY } from '../authority.js'

/** An example weight: replace with the province's credit rules. */
export const LATE_ANSWER_POINTS = -2

/** Runs after a complaint went unanswered past its deadline (once per event, retried if it throws). */
export const creditOnLateAnswer = definePolicy({
  id: 'credit_on_late_answer',
  description: { 'zh-CN': '机构逾期未答复投诉，扣减信用分', 'en': 'Credit off for a late answer' },
  on: 'complaints:overdue',
  async handle(event, { actions }) {
    if (event.missedBy !== 'institution' || event.institutionId === null) return
    await actions.recordCreditAdjustment({
      institutionId: event.institutionId,
      points: LATE_ANSWER_POINTS,
      reason: { 'zh-CN': '逾期未答复投诉', 'en': 'A complaint answered late' },
      authority: AUTHORITY,
    })
  },
})
`

const REPORT = `import type { Report } from '#plugin_sdk'

/** Reads a report view (plugins/README.md lists them): the host keeps it to the bureau's region. */
export const institutionsByList: Report = {
  id: 'institutions_by_list',
  title: { 'zh-CN': '机构名单统计', 'en': 'Institutions by list' },
  columns: [
    { key: 'list_status', label: { 'zh-CN': '名单', 'en': 'List' } },
    { key: 'institutions', label: { 'zh-CN': '机构数', 'en': 'Institutions' }, format: 'number' },
  ],
  chart: { type: 'bar', x: 'list_status', y: ['institutions'] },
  query: ({ sql }) =>
    sql(
      \`SELECT list_status, count(*)::int AS institutions
         FROM report_institutions WHERE NOT removed
        GROUP BY list_status ORDER BY list_status\`
    ),
}
`

const SPEC = `import { test } from '@japa/runner'
import type { PointInput } from '#plugin_sdk'
import { testHostFor } from '#plugin_sdk/testing'
import plugin from '../plugin.js'
import { classLength, MAX_CLASS_MINUTES } from '../rules/class_length.js'
import { creditOnLateAnswer, LATE_ANSWER_POINTS } from '../policies/credit_on_late_answer.js'
import { institutionsByList } from '../reports/institutions_by_list.js'

type CourseFacts = PointInput<'catalog.course.validate'>
const PROVINCE = '__PROVINCE__'

const ctx = { region: PROVINCE, province: PROVINCE, next: async () => [] } as any
const ours = async (minutesPerClass: number) =>
  (await classLength({ minutesPerClass } as unknown as CourseFacts, ctx)).map((v) => v.rule)

test.group('__ID__ plugin', () => {
  test('a class longer than the limit is refused', async ({ assert }) => {
    assert.deepEqual(await ours(MAX_CLASS_MINUTES), [])
    assert.deepEqual(await ours(MAX_CLASS_MINUTES + 1), ['__ID__.class_minutes'])
  })

  test('it governs its provinces and passes the start-up checks', ({ assert }) => {
    assert.deepEqual(plugin.regions, __REGIONS__)
    /* testHostFor validates the manifest as start-up does: it throws on any problem. */
    assert.doesNotThrow(() => testHostFor(plugin))
  })

  test("a late answer by the institution costs credit; a bureau's does not", async ({ assert }) => {
    const recorded: { institutionId: number; points: number }[] = []
    const policyCtx = {
      region: PROVINCE,
      province: PROVINCE,
      actions: { recordCreditAdjustment: async (a: any) => void recorded.push(a) },
    } as any
    const event = { complaintId: 1, institutionId: 7, regionCode: PROVINCE }
    await creditOnLateAnswer.handle({ ...event, missedBy: 'bureau' }, policyCtx)
    await creditOnLateAnswer.handle({ ...event, missedBy: 'institution' }, policyCtx)
    assert.deepEqual(
      recorded.map((a) => [a.institutionId, a.points]),
      [[7, LATE_ANSWER_POINTS]]
    )
  })

  test('the report reads a report view and shows what it returns', async ({ assert }) => {
    const asked: string[] = []
    const rows = await institutionsByList.query({
      region: PROVINCE as any,
      sql: async (text) => {
        asked.push(text)
        return [{ list_status: 'white', institutions: 3 }]
      },
    })
    assert.match(asked.join(' '), /FROM report_institutions/)
    assert.deepEqual(rows, [{ list_status: 'white', institutions: 3 }])
  })

  test('the menu links to its own report', ({ assert }) => {
    assert.deepEqual(
      plugin.menu.map((m) => m.href),
      ['/manage/reports/plugins/__ID__/institutions_by_list']
    )
  })
})
`

const README = `# Plugin \`__ID__\`

Governs __REGION_LIST__. Enable it by adding \`__ID__\` to \`PLUGINS\` in .env.

Scaffolded with one example of each: a course rule (\`rules/class_length.ts\`),
a credit policy (\`policies/credit_on_late_answer.ts\`), a report on the
\`report_institutions\` view (\`reports/institutions_by_list.ts\`) and a menu
item. Their numbers and \`authority.ts\` are examples: replace them with your
province's rules and the documents they come from before enabling it.
Run its tests with \`npx node ace test kernel --files plugins/__ID__/tests/__ID__.spec.ts\`.
See plugins/README.md.
`

export function pluginFiles(
  id: string,
  regions: string[],
  platformVersion: string,
  coursePointVersion: number
): Record<string, string> {
  const fill = (text: string) =>
    text
      .replaceAll('__ID__', id)
      .replaceAll('__REGIONS__', `[${regions.map((r) => `'${r}'`).join(', ')}]`)
      .replaceAll('__REGION_LIST__', regions.join(', '))
      .replaceAll('__PROVINCE__', regions[0]!)
      .replaceAll('__PLATFORM__', platformVersion)
      .replaceAll('__COURSE_POINT__', String(coursePointVersion))
  const files: Record<string, string> = {
    'plugin.ts': PLUGIN,
    'authority.ts': AUTHORITY,
    'rules/class_length.ts': RULE,
    'policies/credit_on_late_answer.ts': POLICY,
    'reports/institutions_by_list.ts': REPORT,
    [`tests/${id}.spec.ts`]: SPEC,
    'README.md': README,
  }
  return Object.fromEntries(Object.entries(files).map(([path, text]) => [path, fill(text)]))
}
