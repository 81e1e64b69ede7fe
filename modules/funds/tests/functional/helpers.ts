import { CurrentUserProvider } from '#modules/identity'
import { createTestAccount } from '#testing/identity'
import { createFiledInstitution, createStaffMember, residentId } from '#testing/registry'
import { courseDraft, createCourse, signedContractFixture } from '#testing/catalog'
import { CreateOrder } from '../../actions/create_order.js'
import type Order from '../../models/order.js'
import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import { todayIso } from '#kernel/shared/dates'
import { bankCanonical, signPayload, unixSeconds } from '../../channels/signing.js'
import Bank from '../../models/bank.js'
import SupervisedAccount from '../../models/supervised_account.js'
import { bankSecret } from '../../services/supervised_accounts.js'
import { isClean, ledgerProblems } from '../../ledger/invariants.js'

export async function accountOf(institutionId: number) {
  const account = await SupervisedAccount.findByOrFail('institutionId', institutionId)
  const bank = await Bank.findOrFail(account.bankId)
  return { account, bank }
}

/** Headers of a bank API request signed with the bank's current secret. */
export function bankHeaders(
  bank: Bank,
  method: string,
  path: string,
  body: string,
  overrides: { nonce?: string; timestamp?: string; secret?: string } = {}
) {
  const nonce = overrides.nonce ?? randomUUID()
  const timestamp = overrides.timestamp ?? unixSeconds()
  return {
    'content-type': 'application/json',
    'x-bank-key': bank.apiKey,
    'x-bank-nonce': nonce,
    'x-bank-timestamp': timestamp,
    'x-bank-signature': signPayload(
      overrides.secret ?? bankSecret(bank),
      timestamp,
      bankCanonical(nonce, method, path, body)
    ),
  }
}

export function movement(
  accountNumber: string,
  direction: 'credit' | 'debit',
  amountFen: number,
  balanceAfterFen: number,
  reference: string | null
) {
  return {
    bank_txn_id: `T${randomUUID().slice(0, 18)}`,
    account_number: accountNumber,
    direction,
    amount_fen: amountFen,
    balance_after_fen: balanceAfterFen,
    reference,
    occurred_at: new Date().toISOString(),
  }
}

export async function assertLedgerClean(assert: { isTrue(v: boolean, m?: string): void }) {
  const problems = await ledgerProblems()
  assert.isTrue(isClean(problems), JSON.stringify(problems))
}

export interface OrderWorld {
  order: Order
  contractId: number
  institutionId: number
  parent: Awaited<ReturnType<typeof createTestAccount>>
  owner: Awaited<ReturnType<typeof createTestAccount>>
}

const daysFromToday = (days: number) => DateTime.fromISO(todayIso()).plus({ days }).toISODate()!

/**
 * A weekly course (Saturdays of the national fixture become the weekday
 * nine weeks ago) that started nine weeks ago: classes 1–9 have been held,
 * class 10 is today and 11–12 are ahead. Attendance is checked against the
 * timetable, so tests record classes that really took place.
 */
export function runningCourse(): Partial<Parameters<typeof courseDraft>[0] & object> {
  const start = daysFromToday(-63)
  return {
    startDate: start,
    endDate: daysFromToday(14),
    slots: [{ weekday: DateTime.fromISO(start).weekday, start: '09:00' }],
  }
}

/** A signed contract of a white-listed institution and its first order, awaiting payment. */
export async function orderFixture(
  options: { regionCode?: string; course?: Parameters<typeof courseDraft>[0] } = {}
): Promise<OrderWorld> {
  const regionCode = options.regionCode ?? '220104'
  const institution = await createFiledInstitution({ regionCode, categories: ['arts', 'academic'] })
  const teacher = await createStaffMember(
    institution.id,
    '李老师',
    residentId(Math.floor(Math.random() * 900) + 100)
  )
  const owner = await createTestAccount({
    role: 'institution_owner',
    regionCode,
    orgType: 'institution',
    orgId: institution.id,
  })
  const course = await createCourse(
    institution.id,
    courseDraft({ teacherIds: [teacher.id], ...runningCourse(), ...options.course }),
    'on_sale'
  )
  const parent = await createTestAccount({ role: 'parent', regionCode })
  const contractId = await signedContractFixture(course.id, parent.id)
  const order = await new CreateOrder().handle(parent.user, contractId)
  return { order, contractId, institutionId: institution.id, parent, owner }
}

/** The Lucid user behind an account, for `loginAs`. */
export const userOf = async (id: number) =>
  (await new CurrentUserProvider().findById(id))!.getOriginal()
