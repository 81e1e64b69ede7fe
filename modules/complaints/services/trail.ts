import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { DateTime } from 'luxon'
import type { CurrentUser } from '#modules/identity'
import type Complaint from '../models/complaint.js'
import ComplaintStep, { type StepActor } from '../models/complaint_step.js'

export interface StepInput {
  action: string
  actorKind: StepActor
  actor?: Pick<CurrentUser, 'id'> | null
  unitName: string
  note?: string | null
  dueOn?: DateTime | null
}

/** Adds one step to the case's visible trail (每一步, with its time and handling unit). */
export function addStep(trx: TransactionClientContract, complaint: Complaint, step: StepInput) {
  return ComplaintStep.create(
    {
      complaintId: complaint.id,
      action: step.action,
      actorKind: step.actorKind,
      actorUserId: step.actor?.id ?? null,
      unitName: step.unitName,
      note: step.note ?? null,
      dueOn: step.dueOn ?? null,
    },
    { client: trx }
  )
}
