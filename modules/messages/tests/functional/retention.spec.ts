import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { RETENTION, pruneMessageLog } from '../../actions/prune_message_log.js'

const now = DateTime.now()
const ago = (days: number) => now.minus({ days }).toSQL()!

test.group('Messages: what is kept, and for how long', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('old texts, inbox entries and development copies are pruned; a text stuck for a week is abandoned', async ({
    assert,
  }) => {
    const delivery = (key: string, status: string, days: number) => ({
      kind: 'reminder',
      dedupe_key: `retention:${key}`,
      recipient_cipher: 'sealed',
      recipient_index: `idx-${key}`,
      recipient_masked: '139****0000',
      body_masked: '吉林省教育厅提醒：请核对',
      provider: 'outbox',
      params_cipher: status === 'sent' ? null : 'sealed-params',
      status,
      created_at: ago(days),
    })
    await db
      .table('message_deliveries')
      .multiInsert([
        delivery('old-sent', 'sent', RETENTION.deliveriesDays + 1),
        delivery('stuck', 'retrying', RETENTION.abandonAfterDays + 1),
        delivery('retrying', 'retrying', 1),
        delivery('recent', 'sent', RETENTION.deliveriesDays - 1),
      ])
    const inbox = (key: string, days: number) => ({
      user_id: 1,
      kind: 'reminder',
      dedupe_key: `retention:${key}`,
      params: JSON.stringify({ from: '吉林省教育厅', what: '请核对' }),
      created_at: ago(days),
    })
    await db
      .table('inbox_messages')
      .multiInsert([inbox('old', RETENTION.inboxDays + 1), inbox('recent', 10)])
    const copy = (days: number) => ({
      delivery_id: 1,
      recipient_index: 'x',
      recipient_masked: '139****0000',
      kind: 'reminder',
      body: '【校外培训监管与服务平台】…',
      created_at: ago(days),
    })
    await db.table('dev_texts').multiInsert([copy(RETENTION.devTextsDays + 1), copy(0)])

    /* Other files' texts are recent: only this test's old rows are due. */
    assert.deepEqual(await pruneMessageLog(now), {
      abandoned: 1,
      deliveries: 1,
      inbox: 1,
      devTexts: 1,
    })
    assert.sameMembers(
      (
        await db
          .from('message_deliveries')
          .whereLike('dedupe_key', 'retention:%')
          .select('dedupe_key')
      ).map((r) => r.dedupe_key),
      ['retention:stuck', 'retention:retrying', 'retention:recent']
    )
    const stuck = await db
      .from('message_deliveries')
      .where('dedupe_key', 'retention:stuck')
      .firstOrFail()
    assert.equal(stuck.status, 'failed')
    assert.equal(stuck.failure, 'abandoned')
    assert.isNull(stuck.params_cipher)
    assert.deepEqual(
      (
        await db.from('inbox_messages').where('user_id', 1).whereLike('dedupe_key', 'retention:%')
      ).map((r) => r.dedupe_key),
      ['retention:recent']
    )
    assert.lengthOf(await db.from('dev_texts').where('recipient_index', 'x'), 1)
  })
})
