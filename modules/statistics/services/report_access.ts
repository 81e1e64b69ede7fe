/*
| Who may read statistics, and of which region: bureaus (sub-units
| included) for their own region and below. A region outside the viewer's
| answers 404, like any record outside it. The institution terminal's own
| figures go through identity's acting-for guard (`actingInstitutionId`).
*/
import type { HttpContext } from '@adonisjs/core/http'
import { ForbiddenException } from '#kernel/exceptions/forbidden_exception'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { type CurrentUser, inScope, regionTree } from '#modules/identity'
import { isBureau } from '#modules/registry'

export type Bureau = CurrentUser & { regionCode: string }

export function bureauOf(ctx: HttpContext): Bureau {
  const user = ctx.auth.getUserOrFail()
  if (!isBureau(user) || !user.regionCode) throw new ForbiddenException()
  return user as Bureau
}

/** The region asked for (the bureau's own when none), which must be the bureau's own or below it. */
export function scopeOf(user: Bureau, asked: unknown): string {
  if (asked === undefined || asked === null || asked === '') return user.regionCode
  const code = String(asked)
  if (!regionTree.has(code) || !inScope(code, user.regionCode)) throw new NotFoundException()
  return code
}
