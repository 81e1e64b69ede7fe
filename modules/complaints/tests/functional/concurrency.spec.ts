import { test } from '@japa/runner'
import { createTestAccount } from '#testing/identity'
import { truncateAll } from '#tests/helpers/database'
import { complaintState, fileTestComplaint } from '../../testing.js'
import { AcceptCase } from '../../actions/bureau_handling.js'
import { WithdrawCase, RateHandling, AcceptResult } from '../../actions/complainant_steps.js'
import { ReplyToCase } from '../../actions/bureau_handling.js'

/* Committed data and real concurrency: each call takes its own pooled connection and the case's row lock. */
test.group('Complaints under concurrency', (group) => {
  group.teardown(() => truncateAll())

  test('a bureau accepting while the complainant withdraws: exactly one wins, and the trail says which', async ({
    assert,
  }) => {
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    for (let round = 0; round < 5; round++) {
      const { complaint } = await fileTestComplaint()
      const [accepted, withdrawn] = await Promise.allSettled([
        new AcceptCase().handle(county.user, complaint.id),
        new WithdrawCase().handle(complaint.id),
      ])
      const state = await complaintState(complaint.id)
      if (state.status === 'withdrawn') {
        assert.equal(state.steps.at(-1), 'withdrawn')
        if (accepted.status === 'fulfilled')
          assert.include(state.steps, 'accepted', 'accepted first, then withdrawn')
      } else {
        assert.equal(state.status, 'accepted')
        assert.equal(
          withdrawn.status,
          'fulfilled',
          'an accepted case can still be withdrawn; here acceptance came last'
        )
      }
      assert.equal(
        state.steps.filter((s) => s === 'withdrawn').length,
        withdrawn.status === 'fulfilled' ? 1 : 0
      )
    }
  })

  test('ten ratings racing for one closed case store one', async ({ assert }) => {
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const { complaint } = await fileTestComplaint()
    await new AcceptCase().handle(county.user, complaint.id)
    await new ReplyToCase().handle(county.user, complaint.id, '已处理完毕', 'resolved')
    await new AcceptResult().handle(complaint.id)
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        new RateHandling().handle(complaint.id, 1 + (i % 5), null)
      )
    )
    assert.lengthOf(
      outcomes.filter((o) => o.status === 'fulfilled'),
      1
    )
    assert.equal((await complaintState(complaint.id)).steps.filter((s) => s === 'rated').length, 1)
  })
})
