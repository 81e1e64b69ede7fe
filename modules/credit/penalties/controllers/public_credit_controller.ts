import type { HttpContext } from '@adonisjs/core/http'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { institutionSummary } from '#modules/registry'
import { publishedPenalties } from '../queries/penalties.js'
import { currentScore } from '../../score/queries/public_score.js'

const positive = (value: unknown) => {
  const n = Number(value)
  return Number.isSafeInteger(n) && n > 0 ? n : 0
}

/** Website: an institution's credit page, open to everyone (no policy: it is public by law). */
export default class PublicCreditController {
  async show(ctx: HttpContext) {
    const institution = await institutionSummary(positive(ctx.params.id))
    if (!institution || institution.removed) throw new NotFoundException()
    const [penalties, score] = await Promise.all([
      publishedPenalties(institution.id),
      currentScore(institution.id),
    ])
    return ctx.view.render('credit_penalties::public', { institution, penalties, score })
  }
}
