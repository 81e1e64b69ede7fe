import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { definePolicy, type PluginDefinition } from '#plugin_sdk'
import { pluginHost } from '../../app/plugins/plugin_host.js'
import { drainOutbox } from '#kernel/shared/outbox_drain'
import { enqueuePolicyRuns, runPolicy } from '../../app/plugins/policies.js'
import { countyWithoutPlugin, provinceWithoutPlugin } from '../helpers/province_without_plugin.js'

/* A fixture plugin, on a host with only it installed, with policies that act, fail and overreach. */
/* One no installed plugin governs, so only the fixture's policies run there. */
const FIXTURE_PROVINCE = provinceWithoutPlugin()
const FIXTURE_COUNTY = countyWithoutPlugin()
const event = (institutionId: number) => ({
  complaintId: 1,
  institutionId,
  regionCode: FIXTURE_COUNTY,
  kind: 'complaint',
})

function fixturePlugin(): PluginDefinition {
  return {
    id: 'fixture',
    name: '测试省规则',
    version: '1.0.0',
    platform: '^1.0.0',
    regions: [FIXTURE_PROVINCE],
    policies: [
      definePolicy({
        id: 'deduct_on_closed_complaint',
        description: '投诉办结扣信用分',
        on: 'complaints:closed',
        handle: async (e: any, ctx) =>
          ctx.actions.recordCreditAdjustment({
            institutionId: e.institutionId,
            points: -5,
            reason: '投诉属实',
            authority: '测试省规则第 1 条',
          }),
      }),
      definePolicy({
        id: 'always_fails',
        description: '总是失败',
        on: 'complaints:closed',
        handle: async () => Promise.reject(new Error('downstream unavailable')),
      }),
      definePolicy({
        id: 'reaches_for_another',
        description: '越权',
        on: 'complaints:closed',
        handle: async (e: any, ctx) =>
          ctx.actions.recordCreditAdjustment({
            institutionId: e.institutionId + 1,
            points: -100,
            reason: 'x',
            authority: 'x',
          }),
      }),
    ],
  } as unknown as PluginDefinition
}

const runsOf = (ids: number[]) => db.from('plugin_policy_runs').whereIn('id', ids).orderBy('id')

test.group('Plugin policies act after commit, each on its own', (group) => {
  /* The runs are delivered by the outbox, whose listener uses the process's host: the fixture is installed there for this group. */
  group.setup(() => {
    const installed = [...pluginHost.plugins()]
    pluginHost.install([...installed, fixturePlugin()])
    return () => pluginHost.install(installed)
  })

  test('each policy gets its own run; one that fails (retried) or overreaches (failed) changes nothing and leaves the others done', async ({
    assert,
  }) => {
    const institutionId = 900_000 + Math.floor(Math.random() * 100_000)
    const ids = await enqueuePolicyRuns('complaints:closed', event(institutionId))
    assert.lengthOf(ids, 3)
    await drainOutbox()

    const [acted, failed, overreached] = await runsOf(ids)
    assert.equal(acted.status, 'done')
    assert.equal(failed.status, 'retrying')
    assert.isAtLeast(failed.attempts, 1)
    assert.match(failed.last_error, /downstream unavailable/)
    assert.equal(overreached.status, 'failed', 'a refused action would be refused again')
    assert.match(overreached.last_error, /is not the institutionId of this complaints:closed event/)
    const adjustments = await db.from('plugin_credit_adjustments').whereIn('policy_run_id', ids)
    assert.deepEqual(
      adjustments.map((a) => [Number(a.institution_id), a.points, a.policy_id]),
      [[institutionId, -5, 'deduct_on_closed_complaint']]
    )

    /* A retry of the done run does not act twice. */
    await runPolicy(acted.id)
    assert.lengthOf(await db.from('plugin_credit_adjustments').whereIn('policy_run_id', ids), 1)
  })

  test('an event outside the plugin provinces runs nothing', async ({ assert }) => {
    const host = pluginHost.withPlugins([fixturePlugin()])
    assert.deepEqual(
      await enqueuePolicyRuns('complaints:closed', { ...event(1), regionCode: '220104' }, host),
      []
    )
  })
})
