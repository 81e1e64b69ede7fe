/*
| A bureau's steps on a case it handles: accept it (or decline with a
| reason), transfer it to the right region, record its investigation,
| reply with its conclusion, close it. Every step lands on the trail with
| the bureau's name; acting after a due date clears the "timely" flag.
*/
import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DomainError } from '#kernel/exceptions/domain_error'
import { publish } from '#kernel/shared/outbox'
import { type CurrentUser, regionTree } from '#modules/identity'
import { COUNTRY_CODE } from '#kernel/shared/region_code'
import type Complaint from '../models/complaint.js'
import { onCase } from '../services/case_lock.js'
import { assignBureau, dueFor, markLateIfOverdue } from '../services/deadlines.js'
import { addStep } from '../services/trail.js'
import { bureauName } from '../services/units.js'
import { queueComplainantUpdate } from '../services/complainant_updates.js'

const unitOf = (c: Complaint) => bureauName(c.handlerRegionCode)

export class AcceptCase {
  async handle(actor: CurrentUser, id: number) {
    return onCase(id, ['submitted'], async (c, trx) => {
      markLateIfOverdue(c)
      c.status = 'accepted'
      c.acceptedAt = DateTime.now()
      c.dueOn = await dueFor(c, 'conclude')
      await addStep(trx, c, {
        action: 'accepted',
        actorKind: 'bureau',
        actor,
        unitName: unitOf(c),
        dueOn: c.dueOn,
      })
    })
  }
}

export class DeclineCase {
  async handle(actor: CurrentUser, id: number, reason: string) {
    const complaint = await onCase(id, ['submitted'], async (c, trx) => {
      markLateIfOverdue(c)
      close(c, 'not_accepted')
      c.reply = reason
      await addStep(trx, c, {
        action: 'not_accepted',
        actorKind: 'bureau',
        actor,
        unitName: unitOf(c),
        note: reason,
      })
      await closed(trx, c)
      await queueComplainantUpdate(trx, c, '不予受理，理由已告知')
    })
    return complaint
  }
}

export class TransferCase {
  async handle(actor: CurrentUser, id: number, toRegion: string, reason: string) {
    if (!regionTree.has(toRegion) || toRegion === COUNTRY_CODE)
      throw new DomainError('complaints.errors.transfer_region', {}, { field: 'toRegion' })
    return onCase(id, ['submitted', 'accepted'], async (c, trx) => {
      if (toRegion === c.handlerRegionCode)
        throw new DomainError('complaints.errors.transfer_same', {}, { field: 'toRegion' })
      const from = unitOf(c)
      assignBureau(c, toRegion)
      c.status = 'submitted'
      c.acceptedAt = null
      c.dueOn = await dueFor(c, 'accept')
      await addStep(trx, c, {
        action: 'transferred',
        actorKind: 'bureau',
        actor,
        unitName: from,
        note: `${bureauName(toRegion)}：${reason}`,
        dueOn: c.dueOn,
      })
    })
  }
}

export class NoteInvestigation {
  async handle(actor: CurrentUser, id: number, note: string) {
    return onCase(id, ['accepted'], async (c, trx) => {
      await addStep(trx, c, {
        action: 'investigating',
        actorKind: 'bureau',
        actor,
        unitName: unitOf(c),
        note,
      })
      c.updatedAt = DateTime.now()
    })
  }
}

export class ReplyToCase {
  async handle(actor: CurrentUser, id: number, reply: string, outcome: 'resolved' | 'unresolved') {
    const complaint = await onCase(id, ['accepted'], async (c, trx) => {
      markLateIfOverdue(c)
      c.status = 'replied'
      c.reply = reply
      c.outcome = outcome
      c.dueOn = await dueFor(c, 'answer')
      await addStep(trx, c, {
        action: `replied_${outcome}`,
        actorKind: 'bureau',
        actor,
        unitName: unitOf(c),
        note: reply,
        dueOn: c.dueOn,
      })
      await queueComplainantUpdate(trx, c, '已有处理答复')
    })
    return complaint
  }
}

export class CloseCase {
  async handle(actor: CurrentUser, id: number) {
    const complaint = await onCase(id, ['replied'], async (c, trx) => {
      close(c, c.outcome ?? 'resolved')
      await addStep(trx, c, { action: 'closed', actorKind: 'bureau', actor, unitName: unitOf(c) })
      await closed(trx, c)
    })
    return complaint
  }
}

export function close(c: Complaint, outcome: NonNullable<Complaint['outcome']>) {
  c.status = outcome === 'withdrawn' ? 'withdrawn' : 'closed'
  c.outcome = outcome
  c.closedAt = DateTime.now()
  c.dueOn = null
}

/** Announces a closed case (outbox: delivered once the closing step commits). Call after `close()`, inside the case's transaction. */
export function closed(trx: TransactionClientContract, c: Complaint) {
  return publish(trx, 'complaints:closed', {
    complaintId: c.id,
    institutionId: c.institutionId,
    outcome: c.outcome!,
    timely: c.timely,
    regionCode: c.targetRegionCode,
  })
}
