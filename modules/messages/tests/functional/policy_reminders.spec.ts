import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { type AnyPolicy, type PluginDefinition, definePolicy } from '#plugin_sdk'
import { pluginHost } from '#kernel/plugins/plugin_host'
import { enqueuePolicyRuns, providedPolicyActions, runPolicy } from '#kernel/plugins/policies'
import { drainOutbox } from '#kernel/shared/outbox_drain'
import { assertRefused } from '#tests/helpers/policy_runs'
import { type TestAccountInput, createTestAccount } from '#testing/identity'
import { lastMessageTo, messagesTo } from '../../testing.js'
import { countyWithoutPlugin, provinceWithoutPlugin } from '#tests/helpers/province_without_plugin'

/*
| sendReminder, taken by a fixture plugin's policy through the kernel's
| real runs: the run is enqueued for an event and run by the outbox drain
| (queued on commit; the test queue runs it at once), and the texts it
| queued leave by the next drain once the run has committed. The event is
| only data here: an overdue complaint about an institution that identity
| knows by its accounts' organisation id.
*/
/* The fixture's province is one no installed plugin governs, so only the fixture's policies run there. */
const PROVINCE = provinceWithoutPlugin()
const COUNTY = countyWithoutPlugin()
const NAME = '测试省奖惩规则'
const MESSAGE = '您有一件投诉已超过办理期限，请尽快登录平台答复。'
let nextInstitution = 7_000_000 + Math.floor(Math.random() * 1_000_000)

async function withFixture(policies: AnyPolicy[], body: () => Promise<void>) {
  const installed = [...pluginHost.plugins()]
  const fixture = {
    id: 'identity_fixture',
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

const overdue = (institutionId: number) =>
  enqueuePolicyRuns('complaints:overdue', {
    complaintId: 1,
    institutionId,
    missedBy: 'institution',
    regionCode: COUNTY,
  })

const remind = (id: string) =>
  definePolicy({
    id,
    description: '投诉超期提醒机构',
    on: 'complaints:overdue',
    handle: (event, ctx) =>
      ctx.actions.sendReminder({ institutionId: event.institutionId!, message: MESSAGE }),
  })

/** An institution's accounts as identity knows them, and one of another institution. */
async function accounts() {
  const institutionId = nextInstitution++
  const of = (
    role: 'institution_owner' | 'institution_staff',
    extra: Partial<TestAccountInput> = {}
  ) =>
    createTestAccount({
      role,
      regionCode: COUNTY,
      orgType: 'institution',
      orgId: institutionId,
      ...extra,
    })
  return {
    institutionId,
    owner: await of('institution_owner'),
    staff: await of('institution_staff'),
    disabled: await of('institution_staff', { status: 'disabled' }),
    other: await of('institution_owner', { orgId: institutionId + 500_000 }),
  }
}

const textsTo = async (phone: string) => (await messagesTo(phone)).length

test.group(
  'Messages policy action: a plugin reminds an institution, in the inbox and by text',
  () => {
    test('messages provides sendReminder to the kernel', ({ assert }) => {
      assert.include(providedPolicyActions(), 'sendReminder')
    })

    test("a reminder reaches the institution's active accounts once, after the run commits", async ({
      assert,
    }) => {
      const { institutionId, owner, staff, disabled, other } = await accounts()
      await withFixture([remind('remind_overdue')], async () => {
        const [runId] = await overdue(institutionId)
        assert.isDefined(runId)
        await drainOutbox()

        const expected = `【校外培训监管与服务平台】${NAME}提醒：${MESSAGE}`
        assert.equal(await lastMessageTo(owner.phone), expected)
        assert.equal(await lastMessageTo(staff.phone), expected)
        assert.isNull(await lastMessageTo(disabled.phone), 'a disabled account is not texted')
        assert.isNull(await lastMessageTo(other.phone), 'nor an account of another institution')

        const [audit, ...more] = await db
          .from('audit_events')
          .where({ action: 'identity.reminder_queued', subject_id: String(institutionId) })
        assert.lengthOf(more, 0)
        assert.include(audit, {
          actor_id: null,
          actor_label: `${NAME} · remind_overdue`,
          subject_type: 'institution',
          province_code: PROVINCE,
        })
        assert.include(audit.details, { accounts: 2, message: MESSAGE, policyRunId: runId })

        /* The run is done: running it and draining again texts nobody twice. */
        await runPolicy(runId!)
        await drainOutbox()
        assert.equal(await textsTo(owner.phone), 1)
        assert.equal(await textsTo(staff.phone), 1)
      })
    })

    test('a policy that reminds and then throws texts nobody and leaves no audit entry', async ({
      assert,
    }) => {
      const { institutionId, owner, staff } = await accounts()
      await withFixture(
        [
          definePolicy({
            id: 'reminds_then_fails',
            description: '提醒之后失败',
            on: 'complaints:overdue',
            handle: async (event, ctx) => {
              await ctx.actions.sendReminder({
                institutionId: event.institutionId!,
                message: MESSAGE,
              })
              throw new Error('the province system is unavailable')
            },
          }),
        ],
        async () => {
          const [runId] = await overdue(institutionId)
          /* The outbox retries it later; a retry now fails the same way and still queues nothing. */
          await assert.rejects(() => runPolicy(runId!), /the province system is unavailable/)
          await drainOutbox()
          assert.isNull(await lastMessageTo(owner.phone))
          assert.isNull(await lastMessageTo(staff.phone))
          const queued = await db
            .from('message_deliveries')
            .whereIn('recipient_user_id', [owner.id, staff.id])
          assert.lengthOf(queued, 0)
          assert.lengthOf(
            await db.from('inbox_messages').whereIn('user_id', [owner.id, staff.id]),
            0
          )
          const audit = await db
            .from('audit_events')
            .where({ action: 'identity.reminder_queued', subject_id: String(institutionId) })
          assert.lengthOf(audit, 0)
        }
      )
    })

    test('a reminder to another institution than the event names, or a bad message, is refused', async ({
      assert,
    }) => {
      const named = await accounts()
      const target = await accounts()
      const refusals: [string, (e: { institutionId: number | null }) => unknown, RegExp][] = [
        [
          'reaches_for_another',
          () => ({ institutionId: target.institutionId, message: MESSAGE }),
          new RegExp(`${target.institutionId} is not the institutionId of this complaints:overdue`),
        ],
        [
          'too_long',
          (e) => ({ institutionId: e.institutionId, message: '请'.repeat(101) }),
          /message/,
        ],
        ['too_short', (e) => ({ institutionId: e.institutionId, message: ' 好 ' }), /message/],
        [
          'two_lines',
          (e) => ({ institutionId: e.institutionId, message: '第一行\n第二行' }),
          /line/,
        ],
      ]
      await withFixture(
        refusals.map(([id, input]) =>
          definePolicy({
            id,
            description: id,
            on: 'complaints:overdue',
            handle: (event, ctx) => ctx.actions.sendReminder(input(event) as any),
          })
        ),
        async () => {
          const runs = await overdue(named.institutionId)
          assert.lengthOf(runs, refusals.length)
          for (const [i, [id, , reason]] of refusals.entries()) {
            await assertRefused(assert, runs[i]!, reason, id)
          }
          await drainOutbox()
          for (const { owner, staff } of [named, target]) {
            assert.isNull(await lastMessageTo(owner.phone))
            assert.isNull(await lastMessageTo(staff.phone))
          }
        }
      )
    })
  }
)
