import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { PruneStaleRecords, RETENTION } from '../../actions/prune_stale_records.js'
import { createTestAccount } from '../../testing.js'

const now = DateTime.now()
const ago = (duration: object) => now.minus(duration).toSQL()!

/* Old texts, codes, links and counters do not pile up for ever. */
test.group('Pruning stale identity records', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('old notifications, verification codes, account tokens and rate-limit rows are pruned on schedule', async ({
    assert,
  }) => {
    const user = await createTestAccount({ role: 'admin', regionCode: '220104' })
    const notification = (subject: string, days: number) => ({
      channel: 'sms',
      recipient_cipher: 'x',
      recipient_masked: '139****0000',
      subject,
      body: '******',
      status: 'sent',
      created_at: ago({ days }),
    })
    await db
      .table('notifications')
      .multiInsert([
        notification('old', RETENTION.notificationsDays + 1),
        notification('recent', RETENTION.notificationsDays - 1),
      ])
    const code = (purpose: string, expiredDays: number) => ({
      phone_index: `p-${purpose}`,
      purpose,
      code_hash: 'h',
      attempts: 0,
      expires_at: ago({ days: expiredDays }),
      created_at: ago({ days: expiredDays }),
    })
    await db.table('verification_codes').multiInsert([code('register', 2), code('complaint', 0)])
    const token = (hash: string, expiredDays: number, usedDays: number | null) => ({
      user_id: user.id,
      purpose: 'set_password',
      token_hash: hash.padEnd(64, '0'),
      expires_at: ago({ days: expiredDays }),
      used_at: usedDays === null ? null : ago({ days: usedDays }),
      created_at: ago({ days: expiredDays + 2 }),
    })
    /* Expired long ago; expired long ago but used only recently (kept); recently expired (kept). */
    await db
      .table('account_tokens')
      .multiInsert([token('a', 40, null), token('b', 40, 5), token('c', 3, null)])
    await db.table('rate_limits').multiInsert([
      { key: 'test_old', points: 3, expire: now.minus({ hours: 2 }).toMillis() },
      { key: 'test_live', points: 1, expire: now.plus({ minutes: 5 }).toMillis() },
    ])
    await db.table('dev_sms_outbox').multiInsert([
      {
        notification_id: 1,
        recipient_masked: '139****0000',
        subject: 'old',
        body: 'x',
        created_at: ago({ days: 8 }),
      },
      {
        notification_id: 2,
        recipient_masked: '139****0000',
        subject: 'recent',
        body: 'x',
        created_at: ago({ days: 1 }),
      },
    ])

    const counts = await new PruneStaleRecords().handle(now)
    assert.deepEqual(counts, {
      notifications: 1,
      verificationCodes: 1,
      accountTokens: 1,
      rateLimits: 1,
      devOutbox: 1,
    })
    assert.deepEqual(
      (await db.from('notifications').select('subject')).map((r) => r.subject),
      ['recent']
    )
    assert.deepEqual(
      (await db.from('verification_codes').select('purpose')).map((r) => r.purpose),
      ['complaint']
    )
    assert.sameMembers(
      (await db.from('account_tokens').select('token_hash')).map((r) => r.token_hash[0]),
      ['b', 'c']
    )
    assert.deepEqual(
      (await db.from('rate_limits').where('key', 'like', 'test_%').select('key')).map((r) => r.key),
      ['test_live']
    )
    assert.deepEqual(
      (await db.from('dev_sms_outbox').select('subject')).map((r) => r.subject),
      ['recent']
    )
  })
})
