/*
| Who may see and act on a case. Bureaus see the cases about their region
| and the cases they handle; only the bureau handling a case acts on it and
| sees the complainant's name and phone. The institution sees the
| complaints about its service, masked, and never a tip-off (举报) about
| itself: a report of illegal operation, its reporter and the bureau's
| investigation stay with the bureaus, so nobody is exposed to retaliation
| and no target is warned before an inspection. Even on the complaints it
| sees, the bureau's internal steps are left out of its trail. The
| complainant is the parent who filed it, or whoever opened it in this
| session with its tracking code.
*/
import type { HttpContext } from '@adonisjs/core/http'
import { type CurrentUser, actsForInstitution, inScope } from '#modules/identity'
import type Complaint from '../models/complaint.js'

export const ACCESS_KEY = 'complaints.opened'

export function isBureau(user: CurrentUser | undefined): user is CurrentUser {
  return !!user && user.role === 'admin' && !!user.regionCode
}

export function bureauCanView(user: CurrentUser, c: Complaint): boolean {
  return (
    isBureau(user) &&
    (inScope(c.statsRegion, user.regionCode) || inScope(c.handlerRegionCode, user.regionCode))
  )
}

/** The handling bureau itself (sub-units help inspect but do not decide). */
export function isHandlingBureau(user: CurrentUser, c: Complaint): boolean {
  return isBureau(user) && user.adminLevel !== 'subunit' && user.regionCode === c.handlerRegionCode
}

export function bureauCanAct(user: CurrentUser, c: Complaint): boolean {
  return c.stage === 'bureau' && isHandlingBureau(user, c)
}

export function institutionCanView(
  user: CurrentUser,
  c: Pick<Complaint, 'institutionId' | 'kind'>
): boolean {
  return actsForInstitution(user, c.institutionId) && c.kind === 'complaint'
}

/** Trail steps that are the bureau's own working notes, never shown to the institution. */
export const BUREAU_INTERNAL_STEPS: readonly string[] = ['investigating']

export function institutionSeesStep(step: { action: string }): boolean {
  return !BUREAU_INTERNAL_STEPS.includes(step.action)
}

export function isComplainant(ctx: HttpContext, c: Complaint): boolean {
  const user = ctx.auth.user as CurrentUser | undefined
  if (user && c.authorUserId !== null && user.id === c.authorUserId) return true
  const opened = ctx.session.get(ACCESS_KEY, []) as number[]
  return Array.isArray(opened) && opened.includes(c.id)
}

export function rememberOpened(ctx: HttpContext, c: Complaint) {
  const opened = (ctx.session.get(ACCESS_KEY, []) as number[]).filter((id) => id !== c.id)
  ctx.session.put(ACCESS_KEY, [...opened.slice(-19), c.id])
}
