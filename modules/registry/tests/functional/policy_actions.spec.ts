import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { assertRefused } from '#tests/helpers/policy_runs'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { type AnyPolicy, type PluginDefinition, definePolicy } from '#plugin_sdk'
import { pluginHost } from '#kernel/plugins/plugin_host'
import { enqueuePolicyRuns, providedPolicyActions, runPolicy } from '#kernel/plugins/policies'
import { localIsoDate } from '#kernel/shared/dates'
import { createFiledInstitution } from '../../testing.js'
import { countyWithoutPlugin, provinceWithoutPlugin } from '#tests/helpers/province_without_plugin'

/*
| The registry's policy actions, taken by a fixture plugin's policies
| through the kernel's real runs: enqueued for a registry event, run by the
| outbox drain (queued on commit; the test queue runs it at once), each in
| its own committed transaction. The fixture's province is one no
| installed plugin governs, so its list rules and policies are national.
*/
const PROVINCE = provinceWithoutPlugin()
const COUNTY = countyWithoutPlugin()
const NAME = '测试省奖惩规则'
const inDays = (n: number) => DateTime.now().setZone('Asia/Shanghai').plus({ days: n }).toISODate()!

async function withFixture(policies: AnyPolicy[], body: () => Promise<void>) {
  const installed = [...pluginHost.plugins()]
  const fixture = {
    id: 'registry_fixture',
    name: NAME,
    version: '1.0.0',
    platform: '^1.0.0',
    regions: [PROVINCE],
    policies,
  } as PluginDefinition
  pluginHost.install([...installed, fixture])
  try {
    await body()
  } finally {
    pluginHost.install(installed)
  }
}

const approved = (institutionId: number, regionCode = COUNTY) =>
  enqueuePolicyRuns('registry:filing_approved', { institutionId, regionCode })

const caseInput = (institutionId: number) => ({
  institutionId,
  item: 'fees' as const,
  severity: 'minor' as const,
  description: '一次性收取超过 3 个月的费用，应退还超收部分。',
  deadline: inDays(30),
  authority: '测试省规则第 3 条',
})

const noticeInput = (institutionId: number) => ({
  institutionId,
  kind: 'risk' as const,
  title: '关于某培训机构预收费风险的提示',
  body: '该机构存在超期预收费情况，已责令整改，请家长理性缴费。',
})

const rows = (table: string, institutionId: number) =>
  db.from(table).where('institution_id', institutionId).orderBy('id')

test.group('Registry policy actions: a plugin opens a case and publishes a notice', (group) => {
  /* The institutions these runs act on would be counted by later files' tests: each test rolls back. */
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the registry provides both actions to the kernel', ({ assert }) => {
    assert.includeMembers(providedPolicyActions(), ['openRectificationCase', 'publishNotice'])
  })

  test('a policy opens a rectification case and publishes a notice, audited under its name', async ({
    assert,
  }) => {
    const institution = await createFiledInstitution({ regionCode: COUNTY })
    assert.equal(institution.listStatus, 'white')
    await withFixture(
      [
        definePolicy({
          id: 'case_and_notice',
          description: '备案通过后核查收费',
          on: 'registry:filing_approved',
          handle: async (event, ctx) => {
            await ctx.actions.openRectificationCase(caseInput(event.institutionId))
            await ctx.actions.publishNotice(noticeInput(event.institutionId))
          },
        }),
      ],
      async () => {
        const [runId] = await approved(institution.id)
        assert.isDefined(runId)

        const [finding, ...more] = await rows('inspection_findings', institution.id)
        assert.lengthOf(more, 0)
        assert.include(finding, { item: 'fees', severity: 'minor', status: 'open' })
        assert.equal(localIsoDate(finding.deadline), inDays(30))
        const [inspection] = await rows('inspections', institution.id)
        assert.include(inspection, {
          status: 'recorded',
          planned_by_id: null,
          planned_by_unit: `${NAME} · case_and_notice`,
          purpose: `${NAME}：测试省规则第 3 条`,
        })
        const institutionRow = await db.from('institutions').where('id', institution.id).first()
        assert.equal(institutionRow.list_status, 'grey', 'an open finding within its deadline')

        const [notice] = await rows('public_notices', institution.id)
        assert.include(notice, {
          kind: 'risk',
          title: noticeInput(0).title,
          published_by_unit: NAME,
          province_code: PROVINCE,
          county_code: COUNTY,
        })

        const audit = await db
          .from('audit_events')
          .whereIn('action', ['registry.rectification_opened', 'registry.notice_published'])
          .whereIn('subject_id', [String(finding.id), String(notice.id)])
          .orderBy('id')
        assert.deepEqual(
          audit.map((a) => [a.action, a.actor_id, a.actor_label, a.province_code]),
          [
            ['registry.rectification_opened', null, `${NAME} · case_and_notice`, PROVINCE],
            ['registry.notice_published', null, `${NAME} · case_and_notice`, PROVINCE],
          ]
        )

        /* The run is done: running it again does not act twice. */
        await runPolicy(runId!)
        assert.lengthOf(await rows('inspection_findings', institution.id), 1)
        assert.lengthOf(await rows('public_notices', institution.id), 1)
      }
    )
  })

  test('a policy that acts and then throws leaves no case, notice or audit entry', async ({
    assert,
  }) => {
    const institution = await createFiledInstitution({ regionCode: COUNTY })
    const listChanges = (await rows('list_changes', institution.id)).length
    await withFixture(
      [
        definePolicy({
          id: 'acts_then_fails',
          description: '动作之后失败',
          on: 'registry:filing_approved',
          handle: async (event, ctx) => {
            await ctx.actions.openRectificationCase(caseInput(event.institutionId))
            await ctx.actions.publishNotice(noticeInput(event.institutionId))
            throw new Error('the province system is unavailable')
          },
        }),
      ],
      async () => {
        const [runId] = await approved(institution.id)
        /* The outbox retries it later; a retry now fails the same way and still leaves nothing. */
        await assert.rejects(() => runPolicy(runId!), /the province system is unavailable/)
        assert.lengthOf(await rows('inspection_findings', institution.id), 0)
        assert.lengthOf(await rows('inspections', institution.id), 0)
        assert.lengthOf(await rows('public_notices', institution.id), 0)
        assert.lengthOf(await rows('list_changes', institution.id), listChanges)
        const audit = await db
          .from('audit_events')
          .where('actor_label', `${NAME} · acts_then_fails`)
        assert.lengthOf(audit, 0)
        const row = await db.from('institutions').where('id', institution.id).first()
        assert.equal(row.list_status, 'white')
      }
    )
  })

  test('an action on another institution than the event names is refused', async ({ assert }) => {
    const named = await createFiledInstitution({ regionCode: COUNTY })
    const other = await createFiledInstitution({ regionCode: COUNTY })
    await withFixture(
      [
        definePolicy({
          id: 'case_on_another',
          description: '越权立案',
          on: 'registry:filing_approved',
          handle: (_event, ctx) => ctx.actions.openRectificationCase(caseInput(other.id)),
        }),
        definePolicy({
          id: 'notice_on_another',
          description: '越权公告',
          on: 'registry:filing_approved',
          handle: (_event, ctx) => ctx.actions.publishNotice(noticeInput(other.id)),
        }),
      ],
      async () => {
        const [caseRun, noticeRun] = await approved(named.id)
        await assertRefused(
          assert,
          caseRun!,
          `registry_fixture/case_on_another: ${other.id} is not the institutionId of this registry:filing_approved event`
        )
        await assertRefused(assert, noticeRun!, /notice_on_another: \d+ is not the institutionId/)
        for (const id of [named.id, other.id]) {
          assert.lengthOf(await rows('inspection_findings', id), 0)
          assert.lengthOf(await rows('public_notices', id), 0)
        }
      }
    )
  })

  test('an institution outside the plugin provinces is refused, even when an event names it', async ({
    assert,
  }) => {
    const jilin = await createFiledInstitution({ regionCode: '220104' })
    await withFixture(
      [
        definePolicy({
          id: 'case',
          description: '立案',
          on: 'registry:filing_approved',
          handle: (event, ctx) => ctx.actions.openRectificationCase(caseInput(event.institutionId)),
        }),
      ],
      async () => {
        /* A misrouted event: the fixture's region, a Jilin institution. */
        const [runId] = await approved(jilin.id, COUNTY)
        await assertRefused(assert, runId!, new RegExp(`is not in province ${PROVINCE}`))
        assert.lengthOf(await rows('inspection_findings', jilin.id), 0)
      }
    )
  })

  test('inputs outside what the registry accepts are refused with the reason', async ({
    assert,
  }) => {
    const institution = await createFiledInstitution({ regionCode: COUNTY })
    const cases: [string, (id: number) => Record<string, unknown>, RegExp][] = [
      ['past_deadline', (id) => ({ ...caseInput(id), deadline: inDays(0) }), /deadline must be/],
      ['far_deadline', (id) => ({ ...caseInput(id), deadline: inDays(400) }), /deadline must be/],
      ['bad_date', (id) => ({ ...caseInput(id), deadline: '2099-02-30' }), /deadline must be/],
      ['unknown_item', (id) => ({ ...caseInput(id), item: 'parking' }), /item must be one of/],
      ['bad_severity', (id) => ({ ...caseInput(id), severity: 'grave' }), /severity must be/],
      ['no_description', (id) => ({ ...caseInput(id), description: ' ' }), /description must/],
      ['blacklist', (id) => ({ ...noticeInput(id), kind: 'blacklist' }), /kind risk or other/],
      ['removal', (id) => ({ ...noticeInput(id), kind: 'removal' }), /kind risk or other/],
      ['long_title', (id) => ({ ...noticeInput(id), title: '长'.repeat(101) }), /title must/],
    ]
    await withFixture(
      cases.map(([id, input]) =>
        definePolicy({
          id,
          description: id,
          on: 'registry:filing_approved',
          handle: (event, ctx) =>
            'title' in input(0)
              ? ctx.actions.publishNotice(input(event.institutionId) as any)
              : ctx.actions.openRectificationCase(input(event.institutionId) as any),
        })
      ),
      async () => {
        const runs = await approved(institution.id)
        assert.lengthOf(runs, cases.length)
        for (const [i, [id, , reason]] of cases.entries()) {
          await assertRefused(assert, runs[i]!, reason, id)
        }
        assert.lengthOf(await rows('inspection_findings', institution.id), 0)
        assert.lengthOf(await rows('public_notices', institution.id), 0)
      }
    )
  })
})
