/*
| The deadline sweep (every 10 minutes, and with a controllable `today` in
| tests). Before a handler's deadline it leaves a reminder on the case and
| in the handler's message centre; after it, the case moves up: an
| institution that did not answer loses it to its bureau, a bureau that
| did not act loses it to the level above (each told at once), and the
| "timely response" flag goes false for good. A complainant who
| stays silent after a response or reply is taken to accept it.
*/
import db from '@adonisjs/lucid/services/db'
import { publish } from '#kernel/shared/outbox'
import logger from '@adonisjs/core/services/logger'
import { todayIso } from '#kernel/shared/dates'
import { workingDaysBetween } from '#kernel/shared/working_days'
import Complaint from '../models/complaint.js'
import { onCase } from '../services/case_lock.js'
import { assignBureau, deadlinesFor, dueFor } from '../services/deadlines.js'
import { bureauAbove } from '../services/routing.js'
import { addStep } from '../services/trail.js'
import { bureauName } from '../services/units.js'
import { close, closed } from './bureau_handling.js'
import { queueComplainantUpdate } from '../services/complainant_updates.js'
import { remindHandler } from '../services/handler_reminders.js'

const HANDLER_PENDING = ['with_institution', 'submitted', 'accepted'] as const
const BATCH = 500

export interface DeadlineSweep {
  reminded: number
  escalated: number
  closedSilently: number
}

export class ApplyComplaintDeadlines {
  async handle(today = todayIso()): Promise<DeadlineSweep> {
    const result: DeadlineSweep = { reminded: 0, escalated: 0, closedSilently: 0 }
    for (let afterId = 0; ;) {
      const due = await Complaint.query()
        .whereIn('status', [...HANDLER_PENDING, 'responded', 'replied'])
        .whereNotNull('dueOn')
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(BATCH)
      if (!due.length) break
      afterId = due.at(-1)!.id
      for (const c of due) {
        try {
          const outcome = await this.#sweep(c, today)
          if (outcome) result[outcome]++
        } catch (error) {
          logger.error({ err: error, complaint: c.number }, 'complaint deadline step failed')
        }
      }
    }
    return result
  }

  async #sweep(c: Complaint, today: string): Promise<keyof DeadlineSweep | null> {
    const dueOn = c.dueOn!.toISODate()!
    if (dueOn >= today) {
      if (
        !(HANDLER_PENDING as readonly string[]).includes(c.status) ||
        c.remindedFor?.toISODate() === dueOn
      )
        return null
      const { remindWorkingDaysBefore } = await deadlinesFor(c)
      if (workingDaysBetween(today, dueOn) > remindWorkingDaysBefore) return null
      await onCase(c.id, [c.status], async (locked, trx) => {
        locked.remindedFor = locked.dueOn
        await addStep(trx, locked, {
          action: 'reminded',
          actorKind: 'system',
          unitName: handlerName(locked),
          dueOn: locked.dueOn,
        })
        await remindHandler(trx, locked, 'due')
      })
      return 'reminded'
    }
    if (c.status === 'responded' || c.status === 'replied') {
      await onCase(c.id, [c.status], async (locked, trx) => {
        close(locked, locked.outcome === 'unresolved' ? 'unresolved' : 'resolved')
        await addStep(trx, locked, {
          action: 'closed_silently',
          actorKind: 'system',
          unitName: handlerName(locked),
        })
        await closed(trx, locked)
      })
      return 'closedSilently'
    }
    const missedBy = c.status === 'with_institution' ? 'institution' : 'bureau'
    await onCase(c.id, [c.status], async (locked, trx) => {
      const from = handlerName(locked)
      locked.timely = false
      locked.escalations += 1
      if (locked.status === 'with_institution') {
        locked.stage = 'bureau'
        locked.status = 'submitted'
      } else {
        const above = bureauAbove(locked.handlerRegionCode)
        if (above) assignBureau(locked, above)
      }
      locked.dueOn = await dueFor(
        locked,
        locked.status === 'accepted' ? 'conclude' : 'accept',
        today
      )
      await addStep(trx, locked, {
        action: missedBy === 'institution' ? 'institution_overdue' : 'bureau_overdue',
        actorKind: 'system',
        unitName: from,
      })
      await addStep(trx, locked, {
        action: 'to_bureau',
        actorKind: 'system',
        unitName: bureauName(locked.handlerRegionCode),
        dueOn: locked.dueOn,
      })
      await publish(trx, 'complaints:overdue', {
        complaintId: locked.id,
        institutionId: locked.institutionId,
        missedBy,
        regionCode: locked.targetRegionCode,
      })
      await queueComplainantUpdate(
        trx,
        locked,
        `逾期未办理，已转${bureauName(locked.handlerRegionCode)}办理`
      )
      await remindHandler(trx, locked, 'escalated')
    })
    return 'escalated'
  }
}

function handlerName(c: Complaint): string {
  return c.stage === 'institution' ? c.targetName : bureauName(c.handlerRegionCode)
}

/** For tests and the console: how many open cases are past due today. */
export async function overdueCount(today = todayIso()): Promise<number> {
  const row = await db
    .from('complaints')
    .whereIn('status', [...HANDLER_PENDING])
    .where('due_on', '<', today)
    .count('* as n')
    .first()
  return Number(row?.n ?? 0)
}
