import type { HttpContext } from '@adonisjs/core/http'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { entryCards } from '../queries/entry_cards.js'
import { schoolDesk } from '../queries/school_desk.js'
import { listEntries, publishedCallOf } from '../queries/school_lists.js'
import { currentSchool, positive } from '../services/current_school.js'

/** School terminal: the lists naming the school, its choices, agreements and ratings. */
export default class SchoolAfterschoolController {
  async index(ctx: HttpContext) {
    const school = await currentSchool(ctx)
    const desk = await schoolDesk(school.id)
    return ctx.view.render('afterschool_choices::school/index', { school, ...desk })
  }

  /** One published list, compared: rank and factors, projects, teachers, credit, reviews. */
  async show(ctx: HttpContext) {
    const school = await currentSchool(ctx)
    const call = await publishedCallOf(school.id, positive(ctx.params.id))
    if (!call) throw new NotFoundException()
    const entries = await listEntries(call.id)
    return ctx.view.render('afterschool_choices::school/show', {
      school,
      call,
      entries,
      cards: await entryCards(entries),
    })
  }
}
