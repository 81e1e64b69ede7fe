import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { type CurrentUser, type RequestMeta, recordAudit } from '#modules/identity'
import School from '../models/school.js'

/**
 * A school closes (撤并、停办): it stays in the register, marked closed,
 * for the records that name it; nothing new is chosen for it. Closing
 * twice changes nothing.
 */
export class CloseSchool {
  async handle(actor: CurrentUser, schoolId: number, reason: string, meta: RequestMeta) {
    await db.transaction(async (trx) => {
      const school = await School.query({ client: trx })
        .where('id', schoolId)
        .forUpdate()
        .firstOrFail()
      if (school.closedAt) return
      school.closedAt = DateTime.now()
      await school.save()
      await recordAudit(
        {
          action: 'students.school_closed',
          actor,
          subjectType: 'school',
          subjectId: school.id,
          regionCode: school.regionCode,
          summary: `${school.code.trim()} ${school.name}: ${reason}`,
          meta,
        },
        trx
      )
    })
  }
}
