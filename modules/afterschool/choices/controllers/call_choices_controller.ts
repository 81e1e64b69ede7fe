import type { HttpContext } from '@adonisjs/core/http'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { institutionSummaries } from '#modules/registry'
import { schoolSummaries } from '#modules/students'
import AfterschoolCall from '../../calls/models/afterschool_call.js'
import { applicationsOf } from '../../calls/queries/calls.js'
import ChoicePolicy from '../policies/choice_policy.js'
import { agreementsOfCall, callTotals, liveChoicesOfCall } from '../queries/call_choices.js'
import { positive } from '../services/current_school.js'

/** Management terminal: every school's choices of a call, and the totals. */
export default class CallChoicesController {
  async show(ctx: HttpContext) {
    const call = await AfterschoolCall.find(positive(ctx.params.id))
    if (!call) throw new NotFoundException()
    await ctx.bouncer.with(ChoicePolicy).authorize('viewChoices', call)
    const [choices, agreements, totals, applications] = await Promise.all([
      liveChoicesOfCall(call.id),
      agreementsOfCall(call.id),
      callTotals(call.id),
      applicationsOf(call.id),
    ])
    const [schools, institutions] = await Promise.all([
      schoolSummaries(call.schoolIds),
      institutionSummaries(applications.map((a) => a.institutionId)),
    ])
    const byId = new Map(applications.map((a) => [a.id, a]))
    return ctx.view.render('afterschool_choices::manage/choices', {
      call,
      totals,
      schools: call.schoolIds.map((id) => schools.get(id)).filter(Boolean),
      choices,
      agreements,
      applications: byId,
      nameOf: (applicationId: number) => {
        const a = byId.get(applicationId)
        return a ? (institutions.get(a.institutionId)?.name ?? `#${a.institutionId}`) : '—'
      },
    })
  }
}
