import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import emitter from '@adonisjs/core/services/emitter'
import { publish } from '#kernel/shared/outbox'
import { drainOutbox } from '#kernel/shared/outbox_drain'
import { truncateAll } from '#tests/helpers/database'

/* An event only these tests publish, so no module listener reacts to it. */
declare module '@adonisjs/core/types' {
  interface EventsList {
    'kernel:outbox_probe': { n: number; regionCode: string }
  }
}

/** Counts deliveries per probe number while a test runs. */
function listen(handler: (n: number) => void | Promise<void> = () => {}) {
  const seen: number[] = []
  const listener = async (event: { n: number }) => {
    await handler(event.n)
    seen.push(event.n)
  }
  emitter.on('kernel:outbox_probe', listener)
  return { seen, stop: () => emitter.off('kernel:outbox_probe', listener) }
}

/* Real, committed transactions: the outbox is about what commit means. */
test.group('Outbox: side effects after commit, once', (group) => {
  group.each.setup(() => truncateAll())
  group.each.teardown(() => truncateAll())

  test('an event published in a rolled-back transaction is never delivered', async ({ assert }) => {
    const probe = listen()
    await assert.rejects(() =>
      db.transaction(async (trx) => {
        await publish(trx, 'kernel:outbox_probe', { n: 1, regionCode: '220104' })
        throw new Error('the change failed')
      })
    )
    await drainOutbox()
    probe.stop()
    assert.deepEqual(probe.seen, [])
    assert.lengthOf(await db.from('outbox_events'), 0, 'nothing of the rolled-back change is left')
  })

  test('an event is delivered after commit, by the drain queued on commit', async ({ assert }) => {
    const probe = listen()
    await db.transaction(async (trx) => {
      await publish(trx, 'kernel:outbox_probe', { n: 7, regionCode: '220104' })
      assert.deepEqual(probe.seen, [], 'nothing is delivered before commit')
    })
    probe.stop()
    assert.deepEqual(probe.seen, [7])
    const row = await db.from('outbox_events').firstOrFail()
    assert.isNotNull(row.delivered_at)
    assert.equal(row.attempts, 1)
  })

  test('an event is delivered once even when two drains race', async ({ assert }) => {
    /* Published with the queue out of the way, as after a crash: only the drains below deliver. */
    await db.table('outbox_events').multiInsert(
      Array.from({ length: 40 }, (_, n) => ({
        event: 'kernel:outbox_probe',
        payload: JSON.stringify({ n, regionCode: '220104' }),
      }))
    )
    /* A slow listener keeps each drain busy while the others look for work. */
    const probe = listen(() => new Promise((resolve) => setTimeout(resolve, 5)))
    const results = await Promise.all(Array.from({ length: 6 }, () => drainOutbox()))
    probe.stop()
    assert.equal(
      results.reduce((sum, r) => sum + r.delivered, 0),
      40
    )
    assert.deepEqual(
      [...probe.seen].sort((a, b) => a - b),
      Array.from({ length: 40 }, (_, n) => n),
      'each event exactly once'
    )
    const undelivered = await db.from('outbox_events').whereNull('delivered_at').count('* as n')
    assert.equal(Number(undelivered[0].n), 0)
  })

  test('a failing listener is retried and then delivered', async ({ assert }) => {
    let calls = 0
    const probe = listen(() => {
      calls++
      if (calls === 1) throw new Error('the SMS gateway is down')
    })
    await db.transaction((trx) =>
      publish(trx, 'kernel:outbox_probe', { n: 3, regionCode: '220104' })
    )
    let row = await db.from('outbox_events').firstOrFail()
    assert.isNull(row.delivered_at, 'the failed delivery is not marked delivered')
    assert.equal(row.attempts, 1)
    assert.include(row.last_error, 'the SMS gateway is down')
    assert.isTrue(
      new Date(row.available_at).getTime() > Date.now(),
      'the retry waits for its backoff'
    )

    assert.deepEqual(
      await drainOutbox(),
      { delivered: 0, failed: 0 },
      'not before the backoff has passed'
    )
    await db
      .from('outbox_events')
      .update({ available_at: db.raw(`clock_timestamp() - interval '1 second'`) })
    assert.deepEqual(await drainOutbox(), { delivered: 1, failed: 0 })
    probe.stop()
    row = await db.from('outbox_events').firstOrFail()
    assert.isNotNull(row.delivered_at)
    assert.equal(row.attempts, 2)
    assert.deepEqual(probe.seen, [3], 'delivered once, after the retry')
  })

  test('a drain that died mid-delivery leaves its lease, and the sweep delivers once it expires', async ({
    assert,
  }) => {
    await db.table('outbox_events').insert({
      event: 'kernel:outbox_probe',
      payload: JSON.stringify({ n: 9, regionCode: '220104' }),
      attempts: 1,
      claimed_until: db.raw(`clock_timestamp() + interval '5 minutes'`),
    })
    const probe = listen()
    assert.equal((await drainOutbox()).delivered, 0, 'a live lease is respected')
    await db
      .from('outbox_events')
      .update({ claimed_until: db.raw(`clock_timestamp() - interval '1 second'`) })
    assert.equal((await drainOutbox()).delivered, 1)
    probe.stop()
    assert.deepEqual(probe.seen, [9])
  })
})
