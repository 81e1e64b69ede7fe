import type { HttpContext } from '@adonisjs/core/http'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { schoolOfOperator } from '#modules/students'
import ChoicePolicy from '../policies/choice_policy.js'

/** The school the signed-in operator acts for, after the policy lets it in (404 when detached). */
export async function currentSchool(ctx: HttpContext) {
  await ctx.bouncer.with(ChoicePolicy).authorize('choose')
  const school = await schoolOfOperator(ctx.auth.getUserOrFail())
  if (!school) throw new NotFoundException()
  return school
}

export const positive = (value: unknown) => {
  const n = Number(value)
  return Number.isSafeInteger(n) && n > 0 ? n : 0
}
