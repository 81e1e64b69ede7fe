import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { type CurrentUser, applyRegionScope } from '#modules/identity'
import { institutionSummaries } from '#modules/registry'
import Contract from '../models/contract.js'
import Course from '../models/course.js'

const PER_PAGE = 20
const page = (n: unknown) => Math.max(1, Math.min(Number(n) || 1, 500))

export async function findContract(id: unknown): Promise<Contract> {
  const numeric = Number(id)
  const contract = await Contract.find(Number.isSafeInteger(numeric) && numeric > 0 ? numeric : 0)
  if (!contract) throw new NotFoundException()
  return contract
}

export function parentContracts(userId: number, pageNumber: unknown) {
  return Contract.query()
    .where('parentUserId', userId)
    .orderBy('signedAt', 'desc')
    .paginate(page(pageNumber), PER_PAGE)
}

export function institutionContracts(institutionId: number, pageNumber: unknown) {
  return Contract.query()
    .where('institutionId', institutionId)
    .orderBy('signedAt', 'desc')
    .paginate(page(pageNumber), PER_PAGE)
}

export function regionContracts(user: CurrentUser, pageNumber: unknown) {
  return applyRegionScope(Contract.query(), user.regionCode)
    .orderBy('signedAt', 'desc')
    .paginate(page(pageNumber), PER_PAGE)
}

/** Course and institution names for a page of contracts. */
export async function contractListNames(contracts: Contract[]) {
  const courseIds = [...new Set(contracts.map((c) => c.courseId))]
  const courses = courseIds.length
    ? await Course.query().whereIn('id', courseIds).select('id', 'name')
    : []
  return {
    courseNames: new Map(courses.map((c) => [c.id, c.name])),
    institutions: await institutionSummaries(contracts.map((c) => c.institutionId)),
  }
}
