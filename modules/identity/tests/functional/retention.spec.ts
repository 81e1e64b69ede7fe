import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { PruneStaleRecords } from '../../actions/prune_stale_records.js'
import { createTestAccount } from '../../testing.js'

const now = DateTime.now()
const ago = (duration: object) => now.minus(duration).toSQL()!

/* Old codes, links and counters do not pile up for ever (the texts' log: modules/messages). */
test.group('Pruning stale identity records', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('old verification codes, account tokens and rate-limit rows are pruned on schedule', async ({
    assert,
  }) => {
    const user = await createTestAccount({ role: 'admin', regionCode: '220104' })
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

    const counts = await new PruneStaleRecords().handle(now)
    assert.deepEqual(counts, { verificationCodes: 1, accountTokens: 1, rateLimits: 1 })
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
  })
})
