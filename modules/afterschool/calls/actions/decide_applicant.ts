import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/exceptions/domain_error'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { todayIso } from '#kernel/shared/dates'
import { type CurrentUser, recordAudit } from '#modules/identity'
import AfterschoolApplication from '../models/afterschool_application.js'
import AfterschoolCall from '../models/afterschool_call.js'

/**
 * After the close and before publishing, the bureau confirms each
 * eligible applicant or excludes one by hand with its reason (kept and
 * shown to the institution). An applicant the comparison failed cannot be
 * included.
 */
export class DecideApplicant {
  async handle(
    actor: CurrentUser,
    call: AfterschoolCall,
    applicationId: number,
    input: { decision: 'included' | 'excluded'; reason?: string }
  ) {
    return db.transaction(async (trx) => {
      await AfterschoolCall.query({ client: trx }).where('id', call.id).forUpdate().firstOrFail()
      const application = await AfterschoolApplication.query({ client: trx })
        .where({ id: applicationId, callId: call.id })
        .forUpdate()
        .first()
      if (!application) throw new NotFoundException()
      const fresh = await AfterschoolCall.findOrFail(call.id, { client: trx })
      if (fresh.status !== 'open') throw new DomainError('afterschool.errors.published')
      /* While applications are taken a re-application would reset the decision: decide after the close. */
      if (todayIso() <= fresh.closesOn.toISODate()!)
        throw new DomainError('afterschool.errors.decide_after_close')
      if (input.decision === 'included' && application.eligible !== true)
        throw new DomainError('afterschool.errors.not_eligible')
      application.merge({
        decision: input.decision,
        decisionReason: input.decision === 'excluded' ? input.reason!.slice(0, 500) : null,
        decidedBy: actor.id,
        decidedAt: DateTime.now(),
      })
      await application.save()
      await recordAudit(
        {
          action: `afterschool.applicant_${input.decision}`,
          actor,
          subjectType: 'afterschool_application',
          subjectId: application.id,
          regionCode: call.regionCode,
          summary: (input.reason ?? '').slice(0, 200),
        },
        trx
      )
      return application
    })
  }
}
