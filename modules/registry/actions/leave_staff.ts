import db from '@adonisjs/lucid/services/db'
import { type CurrentUser, recordAudit } from '#modules/identity'
import type Staff from '../models/staff.js'
import { RecomputeListStatus } from './recompute_list_status.js'

/** A staff member leaves (or is let go); a banned person leaving lifts that black-list reason. */
export class LeaveStaff {
  async handle(actor: CurrentUser, staff: Staff, regionCode: string) {
    if (staff.status === 'left') return
    staff.status = 'left'
    /* The departure, its audit entry and the lifted black-list reason commit together. */
    await db.transaction(async (trx) => {
      await staff.useTransaction(trx).save()
      await recordAudit(
        {
          action: 'registry.staff_left',
          actor,
          subjectType: 'staff',
          subjectId: staff.id,
          regionCode,
        },
        trx
      )
      await new RecomputeListStatus().handle(staff.institutionId, null, trx)
    })
  }
}
