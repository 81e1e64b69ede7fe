import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { requeuePolicyRun } from '#kernel/shared/stuck_work'
import { createTestAccount } from '#testing/identity'

/* A given-up event and a failed policy run, as the drain and the policy runner leave them. */
async function stuckWork() {
  const [event] = await db
    .table('outbox_events')
    .insert({
      event: 'registry:institution_removed',
      payload: { institutionId: 1 },
      attempts: 12,
      last_error: 'Error: listener exploded\n    at stack line',
      failed_at: new Date(),
    })
    .returning('id')
  const [run] = await db
    .table('plugin_policy_runs')
    .insert({
      plugin_id: 'jilin',
      policy_id: 'credit_on_closed_complaint',
      event: 'complaints:closed',
      payload: {},
      region_code: '220104',
      province_code: '220000',
      source_outbox_id: Number(event.id),
      status: 'failed',
      attempts: 12,
      last_error: 'Error: policy threw',
      finished_at: new Date(),
    })
    .returning('id')
  return { eventId: Number(event.id), runId: Number(run.id) }
}

test.group('Operations: stuck work is visible and can be requeued', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the ministry sees each given-up event and failed run, with the first line of its error', async ({
    client,
    assert,
  }) => {
    const ministry = await createTestAccount({
      role: 'admin',
      adminLevel: 'ministry',
      regionCode: '000000',
    })
    const empty = await client.get('/manage/operations').loginAs(ministry.user)
    empty.assertStatus(200)
    assert.include(empty.text(), 'data-testid="no-stuck-events"')
    assert.include(empty.text(), 'data-testid="no-failed-runs"')

    const { eventId, runId } = await stuckWork()
    const page = await client.get('/manage/operations').loginAs(ministry.user)
    assert.include(page.text(), `data-event-id="${eventId}"`)
    assert.include(page.text(), `data-run-id="${runId}"`)
    assert.include(page.text(), 'Error: listener exploded')
    assert.notInclude(page.text(), 'at stack line')
    /* Menu and home tiles show it to the ministry only. */
    assert.include(page.text(), 'href="/manage/operations"')
    const province = await createTestAccount({
      role: 'admin',
      adminLevel: 'province',
      regionCode: '220000',
    })
    assert.notInclude(
      (await client.get('/manage').loginAs(province.user)).text(),
      '/manage/operations'
    )
    ;(await client.get('/manage/operations').loginAs(province.user)).assertStatus(403)
  })

  test('requeuing gives fresh retries once, is audited, and says so when nothing is stuck', async ({
    client,
    assert,
  }) => {
    const ministry = await createTestAccount({
      role: 'admin',
      adminLevel: 'ministry',
      regionCode: '000000',
    })
    const { eventId, runId } = await stuckWork()
    const requeue = (path: string) =>
      client.post(path).loginAs(ministry.user).withCsrfToken().redirects(0)

    const first = await requeue(`/manage/operations/events/${eventId}/requeue`)
    first.assertFlashMessage('success', '事件已重新排队，一分钟内重试')
    const event = await db.from('outbox_events').where('id', eventId).firstOrFail()
    assert.isNull(event.failed_at)
    assert.equal(event.attempts, 0)
    const again = await requeue(`/manage/operations/events/${eventId}/requeue`)
    again.assertFlashMessage('error', '该任务不在积压中（可能已被他人处理）')

    ;(await requeue(`/manage/operations/policy-runs/${runId}/requeue`)).assertFlashMessage(
      'success',
      '策略运行已重新排队'
    )
    /* Tests drain the outbox inline, so the run ran again at once: its plugin is not installed here, so the runner dropped it. */
    const run = await db.from('plugin_policy_runs').where('id', runId).firstOrFail()
    assert.equal(run.status, 'dropped')
    assert.equal(run.last_error, 'the plugin or its policy is no longer installed')
    const runEvents = await db
      .from('outbox_events')
      .where('event', 'plugins:policy_run')
      .whereRaw(`(payload->>'runId')::int = ?`, [runId])
    assert.lengthOf(runEvents, 1)

    const audited = await db
      .from('audit_events')
      .whereIn('action', ['operations.event_requeued', 'operations.policy_run_requeued'])
      .where('actor_id', ministry.id)
    assert.lengthOf(audited, 2)
  })
})

test.group('Operations: requeuing races', () => {
  test('two operators requeuing one failed run at once start it once', async ({
    assert,
    cleanup,
  }) => {
    const { eventId, runId } = await stuckWork()
    cleanup(async () => {
      await db
        .from('outbox_events')
        .where('event', 'plugins:policy_run')
        .whereRaw(`(payload->>'runId')::int = ?`, [runId])
        .delete()
      await db.from('plugin_policy_runs').where('id', runId).delete()
      await db.from('outbox_events').where('id', eventId).delete()
    })
    const results = await Promise.all([requeuePolicyRun(runId), requeuePolicyRun(runId)])
    assert.sameMembers(results, [true, false])
    const runEvents = await db
      .from('outbox_events')
      .where('event', 'plugins:policy_run')
      .whereRaw(`(payload->>'runId')::int = ?`, [runId])
    assert.lengthOf(runEvents, 1)
  })
})
