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
import { AuthorizationResponse, BasePolicy, allowGuest } from '@adonisjs/bouncer'
import type { HttpContext } from '@adonisjs/core/http'
import {
  type CurrentUser,
  actsForInstitution,
  inScope,
  institutionActedFor,
} from '#modules/identity'
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

/** The cases opened with their tracking code in this session. */
export function openedCases(ctx: HttpContext): number[] {
  const opened = ctx.session.get(ACCESS_KEY, []) as unknown
  return Array.isArray(opened) ? (opened as number[]) : []
}

function complainantOf(user: CurrentUser | null, c: Complaint, opened: number[]): boolean {
  if (user && c.authorUserId !== null && user.id === c.authorUserId) return true
  return opened.includes(c.id)
}

export function isComplainant(ctx: HttpContext, c: Complaint): boolean {
  return complainantOf((ctx.auth.user as CurrentUser | undefined) ?? null, c, openedCases(ctx))
}

export function rememberOpened(ctx: HttpContext, c: Complaint) {
  const opened = (ctx.session.get(ACCESS_KEY, []) as number[]).filter((id) => id !== c.id)
  ctx.session.put(ACCESS_KEY, [...opened.slice(-19), c.id])
}

const notFound = () => AuthorizationResponse.deny('Not found', 404)
const forbidden = () => AuthorizationResponse.deny('Forbidden', 403)

/** The same rules as Bouncer abilities, one per thing a terminal does with a case. */
export default class ComplaintPolicy extends BasePolicy {
  /** The bureau desk: bureaus, sub-units included. */
  bureauIndex(user: CurrentUser) {
    return isBureau(user)
  }

  /**
   * A case of the bureau's region, or one it handles. The role is asked
   * first (403); a missing case, or one other bureaus' alone, does not exist (404).
   */
  bureauShow(user: CurrentUser, c: Complaint | null) {
    if (!isBureau(user)) return forbidden()
    return (!!c && bureauCanView(user, c)) || notFound()
  }

  /** The complainant's name and phone: the handling bureau only. */
  reveal(user: CurrentUser, c: Complaint | null) {
    if (!isBureau(user)) return forbidden()
    if (!c || !bureauCanView(user, c)) return notFound()
    return isHandlingBureau(user, c)
  }

  /** Accept, decline, transfer, note, reply, close: the handling bureau, while the case is with it. */
  act(user: CurrentUser, c: Complaint | null) {
    if (!isBureau(user)) return forbidden()
    if (!c || !bureauCanView(user, c)) return notFound()
    return bureauCanAct(user, c)
  }

  /** The institution's customer-service list: an account acting for an institution. */
  institutionIndex(user: CurrentUser) {
    return institutionActedFor(user) !== null || notFound()
  }

  /** A complaint about the institution's service (never a tip-off), unless withdrawn. */
  institutionShow(user: CurrentUser, c: Complaint) {
    return (institutionCanView(user, c) && c.status !== 'withdrawn') || notFound()
  }

  respond(user: CurrentUser, c: Complaint) {
    return institutionCanView(user, c) || notFound()
  }

  /** The parent terminal's own complaints. */
  parentIndex(user: CurrentUser) {
    return user.role === 'parent'
  }

  /** Filing one from the parent terminal (the website's form is open to everyone). */
  file(user: CurrentUser) {
    return user.role === 'parent'
  }

  /** The complainant's page and steps; anyone else is told the case does not exist. */
  @allowGuest()
  follow(user: CurrentUser | null, c: Complaint, opened: number[]) {
    return complainantOf(user, c, opened) || notFound()
  }

  /** Evidence: the complainant and the bureaus that see the case. */
  @allowGuest()
  openEvidence(user: CurrentUser | null, c: Complaint, opened: number[]) {
    return complainantOf(user, c, opened) || (!!user && bureauCanView(user, c)) || notFound()
  }
}
