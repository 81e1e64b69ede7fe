import { DateTime } from 'luxon'
import { deleteInBatches as batched, pruneExpiredRateLimits } from '#kernel/shared/batched_delete'

/*
| How long identity keeps what it no longer needs (issue 13 item 14):
| - verification codes (valid 10 minutes): 1 day after they expired;
| - account tokens (one-time links, valid 48 hours): 30 days after they
|   expired, were used or were revoked (the audit log keeps who issued them);
| - rate-limit counters: 1 hour after they expired (nothing reads them then).
| The texts' log is the messages module's (modules/messages/actions/prune_message_log.ts).
*/
export const RETENTION = {
  verificationCodesDays: 1,
  accountTokensDays: 30,
  rateLimitsHours: 1,
} as const

export type PruneCounts = Record<'verificationCodes' | 'accountTokens' | 'rateLimits', number>

/** Deletes, in small batches so the tables stay writable, every row past its retention above. */
export class PruneStaleRecords {
  async handle(now: DateTime = DateTime.now()): Promise<PruneCounts> {
    const before = (duration: object) => now.minus(duration).toSQL()!
    const tokensCutoff = before({ days: RETENTION.accountTokensDays })
    return {
      verificationCodes: await batched('verification_codes', 'id', 'expires_at < ?', [
        before({ days: RETENTION.verificationCodesDays }),
      ]),
      accountTokens: await batched(
        'account_tokens',
        'id',
        'GREATEST(expires_at, COALESCE(used_at, expires_at), COALESCE(revoked_at, expires_at)) < ?',
        [tokensCutoff]
      ),
      /* The kernel's limiter counters, pruned on the same schedule. */
      rateLimits: await pruneExpiredRateLimits(
        now.minus({ hours: RETENTION.rateLimitsHours }).toJSDate()
      ),
    }
  }
}
