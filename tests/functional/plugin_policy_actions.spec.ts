import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import {
  type AnyPolicy,
  type PluginDefinition,
  type PolicyContext,
  definePolicy,
} from '#plugin_sdk'
import { pluginHost } from '#kernel/plugins/plugin_host'
import { enqueuePolicyRuns, providedPolicyActions } from '#kernel/plugins/policies'
import { drainOutbox } from '#kernel/shared/outbox_drain'
import { createFiledInstitution } from '#testing/registry'
import { createTestAccount } from '#testing/identity'
import { lastMessageTo } from '#testing/messages'
import { countyWithoutPlugin, provinceWithoutPlugin } from '../helpers/province_without_plugin.js'

/*
| The four policy actions together, as a plugin uses them: one policy of a
| fixture plugin reacts to an overdue complaint by taking every action the
| modules provide. The runs are the kernel's real ones (plugin_policy_runs,
| the outbox); the checks read every table an action writes.
*/
/* The fixture's province is one no installed plugin governs, so only the fixture's policies run there. */
const PROVINCE = provinceWithoutPlugin()
const COUNTY = countyWithoutPlugin()
const NAME = '测试省奖惩规则'
const inDays = (n: number) => DateTime.now().setZone('Asia/Shanghai').plus({ days: n }).toISODate()!

async function withFixture(policies: AnyPolicy[], body: () => Promise<void>) {
  const installed = [...pluginHost.plugins()]
  pluginHost.install([
    ...installed,
    {
      id: 'actions_fixture',
      name: NAME,
      version: '1.0.0',
      platform: '^1.0.0',
      regions: [PROVINCE],
      policies,
    } as PluginDefinition,
  ])
  try {
    await body()
  } finally {
    pluginHost.install(installed)
  }
}

/** Every action the modules provide, on `institutionId`. */
async function takeEveryAction(ctx: PolicyContext, institutionId: number) {
  await ctx.actions.recordCreditAdjustment({
    institutionId,
    points: -2,
    reason: '投诉超期未答复',
    authority: '测试省规则第 5 条',
  })
  await ctx.actions.openRectificationCase({
    institutionId,
    item: 'other',
    severity: 'minor',
    description: '投诉超过办理期限未答复，应建立投诉处理制度。',
    deadline: inDays(15),
    authority: '测试省规则第 5 条',
  })
  await ctx.actions.publishNotice({
    institutionId,
    title: '关于投诉超期未答复的通报',
    body: '该机构投诉超过办理期限未答复，已责令整改。',
  })
  await ctx.actions.sendReminder({ institutionId, message: '您有投诉已超期，请尽快答复。' })
}

const overdue = (institutionId: number) =>
  enqueuePolicyRuns('complaints:overdue', {
    complaintId: 1,
    institutionId,
    missedBy: 'institution',
    regionCode: COUNTY,
  })

async function world() {
  const institution = await createFiledInstitution({ regionCode: COUNTY })
  const owner = await createTestAccount({
    role: 'institution_owner',
    regionCode: COUNTY,
    orgType: 'institution',
    orgId: institution.id,
  })
  return { institution, owner }
}

/** What the four actions leave for one institution. */
async function effects(institutionId: number, ownerId: number) {
  const count = async (query: any) => Number((await query.count('* as n').first()).n)
  return {
    credit: await count(
      db.from('plugin_credit_adjustments').where('institution_id', institutionId)
    ),
    cases: await count(db.from('inspection_findings').where('institution_id', institutionId)),
    notices: await count(db.from('public_notices').where('institution_id', institutionId)),
    reminders: await count(
      db.from('message_deliveries').where({ kind: 'reminder', recipient_user_id: ownerId })
    ),
  }
}

const runOf = (id: number) => db.from('plugin_policy_runs').where('id', id).firstOrFail()

test.group('Plugin policies take the actions the modules provide', (group) => {
  /* The institutions these runs act on would be counted by later files' tests: each test rolls back. */
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the modules provide the four actions', ({ assert }) => {
    assert.includeMembers(providedPolicyActions(), [
      'recordCreditAdjustment',
      'openRectificationCase',
      'publishNotice',
      'sendReminder',
    ])
  })

  test('one run takes all four; they commit with the run, once', async ({ assert }) => {
    const { institution, owner } = await world()
    await withFixture(
      [
        definePolicy({
          id: 'every_action',
          description: '投诉超期的全部处理',
          on: 'complaints:overdue',
          handle: (event, ctx) => takeEveryAction(ctx, event.institutionId!),
        }),
      ],
      async () => {
        const [runId] = await overdue(institution.id)
        await drainOutbox()
        const run = await runOf(runId!)
        assert.equal(run.status, 'done')
        assert.isNull(run.last_error)
        assert.deepEqual(await effects(institution.id, owner.id), {
          credit: 1,
          cases: 1,
          notices: 1,
          reminders: 1,
        })
        assert.match((await lastMessageTo(owner.phone))!, /测试省奖惩规则提醒：您有投诉已超期/)
      }
    )
  })

  test('a run that takes all four and then throws leaves none of them and is retrying', async ({
    assert,
  }) => {
    const { institution, owner } = await world()
    await withFixture(
      [
        definePolicy({
          id: 'acts_then_fails',
          description: '动作之后失败',
          on: 'complaints:overdue',
          handle: async (event, ctx) => {
            await takeEveryAction(ctx, event.institutionId!)
            throw new Error('the province system is unavailable')
          },
        }),
      ],
      async () => {
        const [runId] = await overdue(institution.id)
        await drainOutbox()
        const run = await runOf(runId!)
        assert.equal(run.status, 'retrying')
        assert.equal(run.attempts, 1)
        assert.match(run.last_error, /the province system is unavailable/)
        assert.deepEqual(await effects(institution.id, owner.id), {
          credit: 0,
          cases: 0,
          notices: 0,
          reminders: 0,
        })
        assert.isNull(await lastMessageTo(owner.phone))
        const retry = await db
          .from('outbox_events')
          .where('event', 'plugins:policy_run')
          .whereRaw(`(payload->>'runId')::bigint = ?`, [runId!])
          .firstOrFail()
        assert.isNull(retry.delivered_at, 'the outbox keeps the run for its next attempt')
        assert.isAbove(new Date(retry.available_at).getTime(), Date.now())
      }
    )
  })

  test('each action on another institution than the event names is refused; the run keeps why', async ({
    assert,
  }) => {
    const named = await world()
    const other = await world()
    const actions = [
      'recordCreditAdjustment',
      'openRectificationCase',
      'publishNotice',
      'sendReminder',
    ]
    await withFixture(
      actions.map((action) =>
        definePolicy({
          id: `overreach_${action}`,
          description: '越权',
          on: 'complaints:overdue',
          handle: async (_event, ctx) => {
            /* Only the named action is reached: the others come after it. */
            const only = new Proxy(ctx.actions, {
              get: (target, key) =>
                key === action ? Reflect.get(target, key) : async () => undefined,
            })
            await takeEveryAction({ ...ctx, actions: only }, other.institution.id)
          },
        })
      ),
      async () => {
        const runs = await overdue(named.institution.id)
        assert.lengthOf(runs, actions.length)
        await drainOutbox()
        for (const [i, action] of actions.entries()) {
          const run = await runOf(runs[i]!)
          assert.equal(run.status, 'failed', action)
          assert.equal(run.attempts, 1, `${action}: a refusal is not retried`)
          assert.include(
            run.last_error,
            `actions_fixture/overreach_${action}: ${other.institution.id} is not the institutionId of this complaints:overdue event`,
            action
          )
        }
        for (const { institution, owner } of [named, other]) {
          assert.deepEqual(await effects(institution.id, owner.id), {
            credit: 0,
            cases: 0,
            notices: 0,
            reminders: 0,
          })
        }
      }
    )
  })
})
