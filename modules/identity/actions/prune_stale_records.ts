import { DateTime } from 'luxon'
import { deleteInBatches as batched, pruneExpiredRateLimits } from '#kernel/shared/batched_delete'

/*
| How long identity keeps what it no longer needs (issue 13 item 14):
| - notifications (the log of texts sent; bodies already masked,
|   recipients encrypted): 180 days, like the national audit retention;
| - verification codes (valid 10 minutes): 1 day after they expired;
| - account tokens (one-time links, valid 48 hours): 30 days after they
|   expired, were used or were revoked (the audit log keeps who issued them);
| - rate-limit counters: 1 hour after they expired (nothing reads them then);
| - dev_sms_outbox (the development channel's copies, never in production):
|   7 days.
*/
export const RETENTION = {
  notificationsDays: 180,
  verificationCodesDays: 1,
  accountTokensDays: 30,
  rateLimitsHours: 1,
  devOutboxDays: 7,
} as const

export type PruneCounts = Record<
  'notifications' | 'verificationCodes' | 'accountTokens' | 'rateLimits' | 'devOutbox',
  number
>

/** Deletes, in small batches so the tables stay writable, every row past its retention above. */
export class PruneStaleRecords {
  async handle(now: DateTime = DateTime.now()): Promise<PruneCounts> {
    const before = (duration: object) => now.minus(duration).toSQL()!
    const tokensCutoff = before({ days: RETENTION.accountTokensDays })
    return {
      notifications: await batched('notifications', 'id', 'created_at < ?', [
        before({ days: RETENTION.notificationsDays }),
      ]),
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
      devOutbox: await batched('dev_sms_outbox', 'id', 'created_at < ?', [
        before({ days: RETENTION.devOutboxDays }),
      ]),
    }
  }
}
