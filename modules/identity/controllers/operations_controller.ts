import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import {
  failedPolicyRuns,
  givenUpEvents,
  requeueEvent,
  requeuePolicyRun,
} from '#kernel/shared/stuck_work'
import OperationsPolicy from '../policies/operations_policy.js'
import { recordAudit, requestMeta } from '../services/audit_log.js'

const shanghai = (at: Date) =>
  DateTime.fromJSDate(at).setZone('Asia/Shanghai').toFormat('yyyy-MM-dd HH:mm:ss')

/** Management terminal: outbox events and plugin policy runs the platform gave up on. */
export default class OperationsController {
  async index({ bouncer, request, view }: HttpContext) {
    await bouncer.with(OperationsPolicy).authorize('manage')
    const [events, runs] = await Promise.all([
      givenUpEvents(Number(request.input('events_page', 1))),
      failedPolicyRuns(Number(request.input('runs_page', 1))),
    ])
    const rows = events.rows.map((e) => ({ ...e, failedAtText: shanghai(e.failedAt) }))
    return view.render('identity::operations/index', { events: { ...events, rows }, runs })
  }

  async requeueEvent(ctx: HttpContext) {
    return this.#requeue(ctx, 'event', requeueEvent)
  }

  async requeuePolicyRun(ctx: HttpContext) {
    return this.#requeue(ctx, 'policy_run', requeuePolicyRun)
  }

  async #requeue(
    ctx: HttpContext,
    kind: 'event' | 'policy_run',
    requeue: (id: number) => Promise<boolean>
  ) {
    const { bouncer, params, session, response, auth, i18n } = ctx
    await bouncer.with(OperationsPolicy).authorize('manage')
    const id = Number(params.id)
    const done = Number.isSafeInteger(id) && id > 0 && (await requeue(id))
    if (done)
      await recordAudit({
        action: `operations.${kind}_requeued`,
        actor: auth.getUserOrFail(),
        subjectType: kind === 'event' ? 'outbox_event' : 'plugin_policy_run',
        subjectId: id,
        summary: `#${id}`,
        regionCode: '000000',
        meta: requestMeta(ctx),
      })
    session.flash(
      done ? 'success' : 'error',
      i18n.t(done ? `identity.operations.requeued_${kind}` : 'identity.operations.not_stuck')
    )
    return response.redirect().toRoute('operations.index')
  }
}
