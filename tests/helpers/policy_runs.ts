import type { Assert } from '@japa/assert'
import { policyRunState } from '#kernel/plugins/policies'
import { drainOutbox } from '#kernel/shared/outbox_drain'

/**
 * A refused action fails its run at once, having run once (the test queue
 * runs it on commit): it would be refused again, so it is not retried.
 */
export async function assertRefused(
  assert: Assert,
  runId: number,
  reason: string | RegExp,
  label?: string
) {
  await drainOutbox()
  const run = (await policyRunState(runId))!
  assert.equal(run.status, 'failed', label)
  assert.equal(run.attempts, 1, label)
  if (typeof reason === 'string') assert.include(run.lastError, reason, label)
  else assert.match(run.lastError!, reason, label)
}
