/*
| "Acting for which institution, which bank": the one answer every module
| gives. An institution's owner and staff act for the institution their
| account is attached to; a bank operator for their bank. An account that
| acts for none (an owner who has not filed yet, an operator not yet
| attached), and a record of another owner, both answer 404: the record is
| not theirs, so whether it exists is not told (the authorization matrix:
| "another owner's record answers 404").
|
| Only ids live here: identity knows which organisation an account acts
| for, the owning module (registry, funds) knows the organisation itself.
*/
import type { HttpContext } from '@adonisjs/core/http'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import type { CurrentUser } from './current_user.js'

type Actor = Pick<CurrentUser, 'role' | 'orgType' | 'orgId'>

/** The institution the account acts for, or null when it acts for none. */
export function institutionActedFor(user: Actor | null | undefined): number | null {
  return user?.orgType === 'institution' && user.orgId ? user.orgId : null
}

/** The bank the account acts for, or null when it acts for none. */
export function bankActedFor(user: Actor | null | undefined): number | null {
  return user?.role === 'bank_operator' && user.orgType === 'bank' && user.orgId ? user.orgId : null
}

/** Does the account act for this institution? The predicate policies build on. */
export function actsForInstitution(
  user: Actor | null | undefined,
  institutionId: number | null | undefined
): boolean {
  const own = institutionActedFor(user)
  return own !== null && own === institutionId
}

/** Does the account act for this bank? */
export function actsForBank(user: Actor | null | undefined, bankId: number | null | undefined) {
  const own = bankActedFor(user)
  return own !== null && own === bankId
}

/** The institution the signed-in account acts for; 404 when it acts for none. */
export function actingInstitutionId(ctx: HttpContext): number {
  const id = institutionActedFor(ctx.auth.getUserOrFail())
  if (id === null) throw new NotFoundException()
  return id
}

/** The bank the signed-in account acts for; 404 when it acts for none. */
export function actingBankId(ctx: HttpContext): number {
  const id = bankActedFor(ctx.auth.getUserOrFail())
  if (id === null) throw new NotFoundException()
  return id
}

/**
 * A record of another owner does not exist for this one: 404 unless the
 * record's owner (institution, bank or parent account) is the acting one.
 */
export function sameOwnerOr404(
  resourceOwnerId: number | null | undefined,
  actingId: number | null
): void {
  if (actingId === null || resourceOwnerId !== actingId) throw new NotFoundException()
}
