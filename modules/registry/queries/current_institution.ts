import type { CurrentUser } from '#modules/identity'
import Institution from '../models/institution.js'

/** The institution an institution account acts for, if it has one yet. */
export async function currentInstitution(user: CurrentUser): Promise<Institution | null> {
  if (user.orgType !== 'institution' || !user.orgId) return null
  return Institution.find(user.orgId)
}

export async function findInstitution(id: unknown): Promise<Institution> {
  const numeric = Number(id)
  return Institution.findOrFail(Number.isSafeInteger(numeric) && numeric > 0 ? numeric : 0)
}
