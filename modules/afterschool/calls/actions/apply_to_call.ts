import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/exceptions/domain_error'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { todayIso } from '#kernel/shared/dates'
import { fenFromYuan, formatYuan } from '#kernel/shared/money'
import { GRADES, type Grade, stageOf } from '#kernel/shared/school_grades'
import { type CurrentUser, inScope, recordAudit } from '#modules/identity'
import { institutionSummary, teachersOf } from '#modules/registry'
import { schoolSummaries } from '#modules/students'
import AfterschoolApplication, { type Offer } from '../models/afterschool_application.js'
import AfterschoolCall from '../models/afterschool_call.js'
import { compareApplications } from './compare_applications.js'

export interface OfferInput {
  name: string
  category: string
  grades: string[]
  priceYuan: string
  classSize: number
  teacherIds: number[]
}

/**
 * An institution applies to an open call with the projects it offers, or
 * replaces its application while the call is open. Every project keeps
 * within the call's categories and price cap and names the institution's
 * own teachers; then the comparison runs at once, so the institution
 * sees where it stands. Nothing is stored when a project is refused.
 */
export class ApplyToCall {
  async handle(actor: CurrentUser, callId: number, input: OfferInput[]) {
    const institutionId = actor.orgId!
    const [call, institution] = await Promise.all([
      AfterschoolCall.find(callId),
      institutionSummary(institutionId),
    ])
    if (!call || !institution || !inScope(institution.regionCode, call.regionCode))
      throw new NotFoundException()
    if (!call.acceptsOn(todayIso())) throw new DomainError('afterschool.errors.closed')
    const offers = await this.#offers(institutionId, call, input)
    const application = await db.transaction(async (trx) => {
      /* Checked again under the call's lock: a publish at midnight and a late application never interleave. */
      const locked = await AfterschoolCall.query({ client: trx })
        .where('id', call.id)
        .forShare()
        .firstOrFail()
      if (!locked.acceptsOn(todayIso())) throw new DomainError('afterschool.errors.closed')
      const [row] = await trx
        .insertQuery()
        .table('afterschool_applications')
        .insert({
          call_id: call.id,
          institution_id: institutionId,
          submitted_by: actor.id,
          offers: JSON.stringify(offers),
          created_at: new Date(),
          updated_at: new Date(),
        })
        .onConflict(['call_id', 'institution_id'])
        .merge({
          submitted_by: actor.id,
          offers: JSON.stringify(offers),
          eligible: null,
          checks: null,
          compared_at: null,
          decision: null,
          decision_reason: null,
          decided_by: null,
          decided_at: null,
          updated_at: new Date(),
        })
        .returning('id')
      await recordAudit(
        {
          action: 'afterschool.applied',
          actor,
          subjectType: 'afterschool_call',
          subjectId: call.id,
          regionCode: institution.regionCode,
          summary: offers
            .map((o) => o.name)
            .join('、')
            .slice(0, 200),
        },
        trx
      )
      return Number(row.id)
    })
    await compareApplications([application])
    return AfterschoolApplication.findOrFail(application)
  }

  async #offers(
    institutionId: number,
    call: AfterschoolCall,
    input: OfferInput[]
  ): Promise<Offer[]> {
    /* The grades a project serves must be taught at one of the call's schools. */
    const stages = new Set(
      [...(await schoolSummaries(call.schoolIds)).values()].flatMap((school) => school.stages)
    )
    const names = new Set<string>()
    const teachers = new Set(
      (await teachersOf(institutionId, [...new Set(input.flatMap((o) => o.teacherIds))])).map(
        (t) => t.id
      )
    )
    return input.map((o, i) => {
      const field = (name: string) => ({ field: `offers.${i}.${name}` })
      if (!call.categories.includes(o.category))
        throw new DomainError('afterschool.errors.category', {}, field('category'))
      if (
        o.grades.some(
          (g) => !(GRADES as readonly string[]).includes(g) || !stages.has(stageOf(g as Grade))
        )
      )
        throw new DomainError('afterschool.errors.grades', {}, field('grades'))
      if (names.has(o.name))
        throw new DomainError('afterschool.errors.duplicate_offer', {}, field('name'))
      names.add(o.name)
      const price = fenFromYuan(o.priceYuan)
      if (price <= 0 || price > call.maxPricePerClassFen)
        throw new DomainError(
          'afterschool.errors.price_above_cap',
          { cap: formatYuan(call.maxPricePerClassFen) },
          field('priceYuan')
        )
      if (o.teacherIds.some((id) => !teachers.has(id)))
        throw new DomainError('afterschool.errors.teacher', {}, field('teacherIds'))
      return {
        name: o.name,
        category: o.category,
        grades: o.grades,
        pricePerClassFen: price,
        classSize: o.classSize,
        teacherIds: o.teacherIds,
      }
    })
  }
}
