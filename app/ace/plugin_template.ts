/*
| The files `node ace make:plugin <id>` writes: a plugin with one rule, one
| policy, one report, two settings and a menu item, and tests for each
| (through the plugin test kit), passing as written. The numbers and the document named are examples to replace with
| the province's own (the generated README says so); nothing runs until the
| plugin is added to PLUGINS. Tokens: __ID__, __REGIONS__, __PROVINCE__,
| __PLATFORM__ (the plugin API version), __COURSE_POINT__.
*/
const PLUGIN = `/*
| __ID__: a provincial plugin. This file only wires; each rule, policy,
| report and setting lives in its own file. Import nothing but '#plugin_sdk'.
*/
import { definePlugin } from '#plugin_sdk'
import { classLength } from './rules/class_length.js'
import { creditOnLateAnswer } from './policies/credit_on_late_answer.js'
import { institutionsByList } from './reports/institutions_by_list.js'
import { settings } from './settings.js'

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
  /* The province's admin switches the plugin and changes these at /manage/plugins. */
  settings,
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

const SETTINGS = `import { defineSettings } from '#plugin_sdk'

/**
 * Values the province's admin may change in the management terminal
 * (/manage/plugins) without a deploy; each change is audited and holds for
 * the next decision. The numbers are examples: use the province's own.
 */
export const settings = defineSettings({
  maxClassMinutes: {
    type: 'number',
    label: { 'zh-CN': '每节课最长时长', 'en': 'Longest class' },
    hint: { 'zh-CN': '（示例）请写明依据的文件和条款', 'en': '(example) name the document and article' },
    unit: { 'zh-CN': '分钟', 'en': 'minutes' },
    default: 45,
    min: 20,
    max: 90,
  },
  lateAnswerPoints: {
    type: 'number',
    label: { 'zh-CN': '逾期答复投诉扣减信用分', 'en': 'Credit points off for a late answer' },
    default: 2,
    min: 1,
    max: 20,
  },
})
`

const RULE = `import type { Rule } from '#plugin_sdk'
import { AUTHORITY } from '../authority.js'
import { settings } from '../settings.js'

/** A decision rule: adds its violations to the national ones for courses in this plugin's provinces. */
export const classLength: Rule<'catalog.course.validate'> = (course, ctx) => {
  const { maxClassMinutes } = settings.read(ctx)
  if (course.minutesPerClass <= maxClassMinutes) return []
  return [
    {
      rule: '__ID__.class_minutes',
      authority: AUTHORITY,
      message: {
        'zh-CN': \`每节课 \${course.minutesPerClass} 分钟，超过 \${maxClassMinutes} 分钟。\`,
        'en': \`A class lasts \${course.minutesPerClass} minutes, over \${maxClassMinutes}.\`,
      },
      fix: { 'zh-CN': '缩短每节课的时长。', 'en': 'Shorten each class.' },
      field: 'minutesPerClass',
    },
  ]
}
`

const POLICY = `import { definePolicy } from '#plugin_sdk'
import { AUTHORITY } from '../authority.js'
import { settings } from '../settings.js'

/** Runs after a complaint went unanswered past its deadline (once per event, retried if it throws). */
export const creditOnLateAnswer = definePolicy({
  id: 'credit_on_late_answer',
  description: { 'zh-CN': '机构逾期未答复投诉，扣减信用分', 'en': 'Credit off for a late answer' },
  on: 'complaints:overdue',
  async handle(event, ctx) {
    if (event.missedBy !== 'institution' || event.institutionId === null) return
    await ctx.actions.recordCreditAdjustment({
      institutionId: event.institutionId,
      points: -settings.read(ctx).lateAnswerPoints,
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
import {
  inputFor,
  rollbackEachTest,
  runPluginReport,
  seed,
  testHostFor,
} from '#plugin_sdk/testing'
import plugin from '../plugin.js'

const PROVINCE = '__PROVINCE__'
const host = testHostFor(plugin)
const ours = async (minutesPerClass: number, on = host) =>
  (await on.resolve('catalog.course.validate', PROVINCE, inputFor('catalog.course.validate', { minutesPerClass })))
    .map((v) => v.rule)
    .filter((rule) => rule.startsWith('__ID__.'))

test.group('__ID__ plugin', () => {
  test('it governs its provinces and passes the start-up checks', ({ assert }) => {
    assert.deepEqual(plugin.regions, __REGIONS__)
    /* testHostFor validates the manifest as start-up does: it throws on any problem. */
    assert.doesNotThrow(() => testHostFor(plugin))
  })

  test('a class longer than the limit is refused', async ({ assert }) => {
    assert.deepEqual(await ours(45), [])
    assert.deepEqual(await ours(46), ['__ID__.class_minutes'])
  })

  test('the province changes the limit in its settings, or switches the plugin off', async ({
    assert,
  }) => {
    const longer = testHostFor(plugin, { settings: { __ID__: { maxClassMinutes: 60 } } })
    assert.deepEqual(await ours(60, longer), [])
    const off = testHostFor(plugin, { switchedOff: ['__ID__'] })
    assert.deepEqual(await ours(90, off), [])
  })

  test("a late answer by the institution costs credit; a bureau's does not", async ({ assert }) => {
    const event = { complaintId: 1, institutionId: 7, regionCode: PROVINCE }
    const [bureau] = await host.emit('complaints:overdue', { ...event, missedBy: 'bureau' })
    assert.deepEqual(bureau!.calls, [])
    const [late] = await host.emit('complaints:overdue', { ...event, missedBy: 'institution' })
    assert.deepEqual(
      late!.calls.map((c) => [c.action, (c.input as { points: number }).points]),
      [['recordCreditAdjustment', -2]]
    )
  })

  test('the menu links to its own report', ({ assert }) => {
    assert.deepEqual(
      plugin.menu.map((m) => m.href),
      ['/manage/reports/plugins/__ID__/institutions_by_list']
    )
  })
})

test.group('__ID__ plugin: report', (group) => {
  group.each.setup(rollbackEachTest)

  test('counts the province\\'s institutions by list', async ({ assert }) => {
    const before = await runPluginReport(plugin, 'institutions_by_list', PROVINCE)
    const white = (rows: Record<string, unknown>[]) =>
      Number(rows.find((r) => r.list_status === 'white')?.institutions ?? 0)
    await seed.institution({ regionCode: PROVINCE })
    await seed.institution({ regionCode: PROVINCE })
    const after = await runPluginReport(plugin, 'institutions_by_list', PROVINCE)
    assert.equal(white(after) - white(before), 2)
  })
})
`

const README = `# Plugin \`__ID__\`

Governs __REGION_LIST__. Enable it by adding \`__ID__\` to \`PLUGINS\` in .env;
then the province's admin switches it and sets its values at /manage/plugins.

Scaffolded with one example of each: a course rule (\`rules/class_length.ts\`),
a credit policy (\`policies/credit_on_late_answer.ts\`), a report on the
\`report_institutions\` view (\`reports/institutions_by_list.ts\`), two settings
(\`settings.ts\`) and a menu item. Their numbers and \`authority.ts\` are
examples: replace them with your province's rules and the documents they
come from before enabling it.
Run its tests with \`npx node ace test kernel --files "plugins/__ID__/tests/*"\`.
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
    'settings.ts': SETTINGS,
    'rules/class_length.ts': RULE,
    'policies/credit_on_late_answer.ts': POLICY,
    'reports/institutions_by_list.ts': REPORT,
    [`tests/${id}.spec.ts`]: SPEC,
    'README.md': README,
  }
  return Object.fromEntries(Object.entries(files).map(([path, text]) => [path, fill(text)]))
}
