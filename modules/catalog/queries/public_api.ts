import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
/*
| What other modules (funds, complaints) may ask the catalog: plain values.
*/
import { DomainError } from '#kernel/exceptions/domain_error'
import Contract from '../models/contract.js'
import Course from '../models/course.js'
import { assertSaleable } from '../services/contract_terms.js'

export interface SaleCheck {
  saleable: boolean
  /** i18n key of the reason when it is not. */
  reason: string | null
}

/**
 * Can the course be sold today (on sale, white-listed institution not
 * frozen for sales, every rule met, within the charging window)?
 * `continuing`: the charge is under a contract that already has a paid
 * charge, so a sales freeze does not apply to it.
 */
export async function saleCheck(
  courseId: number,
  options: { continuing?: boolean } = {}
): Promise<SaleCheck> {
  const course = await Course.find(courseId)
  if (!course) return { saleable: false, reason: 'catalog.courses.not_found' }
  try {
    await assertSaleable(course, options)
    return { saleable: true, reason: null }
  } catch (error) {
    if (error instanceof DomainError) return { saleable: false, reason: error.messageKey }
    throw error
  }
}

export interface ContractSummary {
  id: number
  number: string
  courseId: number
  courseName: string
  institutionId: number
  parentUserId: number
  /** The student's name: for the contract's parties (parent, institution) and its bureaus only. */
  studentName: string
  regionCode: string
  classCount: number
  totalFen: number
  perChargeFen: number
  pricePerClassFen: number
  /** Classes one charge covers (all of them when the course is paid at once). */
  classesPerCharge: number
  kind: 'academic' | 'non_academic'
  delivery: 'offline' | 'online'
  /** The course offers "learn first, pay later". */
  payAfterClassOffered: boolean
  /** The signed timetable: class n is held on classDates[n - 1] (YYYY-MM-DD). */
  classDates: string[]
  /** The same timetable with each class's times (Beijing): what attendance is checked against. */
  classSlots: { date: string; start: string; end: string }[]
  status: string
  signedAt: string
  contentSha256: string
}

export async function contractSummary(id: number): Promise<ContractSummary | null> {
  return (await contractSummaries([id])).get(id) ?? null
}

/** Summaries of many contracts in two queries (list pages). */
export async function contractSummaries(ids: number[]): Promise<Map<number, ContractSummary>> {
  const unique = [...new Set(ids)].filter((id) => Number.isSafeInteger(id) && id > 0)
  if (!unique.length) return new Map()
  const contracts = await Contract.query().whereIn('id', unique)
  const courses = new Map(
    (await Course.query().whereIn('id', [...new Set(contracts.map((c) => c.courseId))])).map(
      (c) => [c.id, c]
    )
  )
  return new Map(
    contracts.map((contract) => [contract.id, summarize(contract, courses.get(contract.courseId)!)])
  )
}

function summarize(contract: Contract, course: Course): ContractSummary {
  return {
    id: contract.id,
    number: contract.number,
    courseId: contract.courseId,
    courseName: course.name,
    institutionId: contract.institutionId,
    parentUserId: contract.parentUserId,
    studentName: contract.studentName,
    regionCode: contract.regionCode,
    classCount: contract.classCount,
    totalFen: contract.totalFen,
    perChargeFen: contract.perChargeFen,
    pricePerClassFen: contract.classCount ? Math.round(contract.totalFen / contract.classCount) : 0,
    classesPerCharge:
      contract.totalFen && contract.classCount
        ? Math.round(contract.perChargeFen / (contract.totalFen / contract.classCount))
        : contract.classCount,
    kind: course.kind,
    delivery: course.delivery,
    classDates: contract.content.timetable.map((row) => row[1]),
    classSlots: contract.content.timetable.map(([, date, , time]) => {
      const [start, end] = String(time).split(/[—–-]/)
      return { date, start: start?.trim() ?? '', end: end?.trim() ?? '' }
    }),
    payAfterClassOffered: course.payAfterClass,
    status: contract.status,
    signedAt: contract.signedAt.toISO()!,
    contentSha256: contract.contentSha256,
  }
}

/** The funds module moves a contract on as its orders are paid, completed or refunded in full. */
/** `client`: the caller's transaction, so the change commits (or not) with the payment or refund that caused it. */
export async function setContractStatus(
  id: number,
  status: 'active' | 'completed' | 'terminated',
  client?: TransactionClientContract
): Promise<void> {
  if (status === 'active') return activate(id, client)
  await Contract.query({ client })
    .where('id', id)
    .whereNot('status', status)
    .update({ status, updated_at: new Date() })
}

/**
 * A payment puts a signed contract in force and ends its seat hold. A
 * contract that ended is never revived by a payment; one that lapsed
 * unpaid (its seat given up, perhaps to someone else) refuses it, so the
 * payment's transaction rolls back and the channel's retry finds the
 * contract closed and returns the money.
 */
async function activate(id: number, client?: TransactionClientContract) {
  const contract = await Contract.query({ client }).where('id', id).forUpdate().first()
  if (!contract) return
  if (contract.status === 'signed') {
    await contract.merge({ status: 'active', seatHeldUntil: null }).save()
    return
  }
  if (contract.status === 'terminated' && contract.lapsedAt)
    throw new DomainError('catalog.contracts.seat_released')
}
