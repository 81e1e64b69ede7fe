/*
| The admission check answers whether a person may be hired, which tells
| something about their criminal record (security review finding 10). So
| it is open only to filed institutions, and each institution and each
| account gets a daily number of checks: enough to hire, too few to probe.
| The counters live in the shared limiter store, so every app instance
| counts together.
*/
import limiter from '@adonisjs/limiter/services/main'
import { errors as limiterErrors } from '@adonisjs/limiter'
import { DomainError } from '#kernel/exceptions/domain_error'
import type Institution from '../models/institution.js'

export const ADMISSION_CHECKS_PER_DAY = 20

/** Drafts, filings under review and removed institutions cannot look anyone up. */
export function assertMayCheckStaff(institution: Pick<Institution, 'isPublic'>) {
  if (!institution.isPublic) throw new DomainError('registry.staff.not_filed', {}, { status: 403 })
}

/** Counts one check against the institution and the account; refuses the 21st of a day. */
export async function consumeAdmissionCheck(actorId: number, institutionId: number) {
  const perDay = limiter.use({ requests: ADMISSION_CHECKS_PER_DAY, duration: '24 hours' })
  try {
    await perDay.consume(`admission_institution:${institutionId}`)
    await perDay.consume(`admission_account:${actorId}`)
  } catch (error) {
    if (error instanceof limiterErrors.E_TOO_MANY_REQUESTS) {
      throw new DomainError(
        'registry.staff.too_many_checks',
        { limit: ADMISSION_CHECKS_PER_DAY },
        { status: 429 }
      )
    }
    throw error
  }
}
