/*
| Extension points the funds module offers to provincial plugins.
| National defaults follow the 2021 prepaid-fee notice and the 2025
| measures (Art. 7: prepaid fees fully supervised; Art. 18: unconsumed fees
| back the way they came).
*/
import { defineExtensionPoint } from '#kernel/plugins/extension_point'

export interface ReleaseInput {
  /** Today in Asia/Shanghai, YYYY-MM-DD. */
  today: string
  order: { id: number; classCount: number; lastClassDate: string | null }
  /** Confirmed classes whose fee has not been released yet. */
  confirmed: { id: number; classNo: number; heldOn: string; confirmedOn: string; feeFen: number }[]
}

export interface EscrowPolicy {
  /** Share of prepaid fees that must stay in the supervised account, in basis points (10000 = all of it). */
  heldShareBp: number
}

export interface FundDeadlines {
  /** Silence for this many working days confirms a class (15). */
  classConfirmWorkingDays: number
  /** An institution that does not answer a refund request in this many working days has agreed (5). */
  refundAnswerWorkingDays: number
  /** An unpaid order lapses after this many minutes (30). */
  unpaidOrderMinutes: number
  /** Hours a paid amount may take to reach the supervised account before it is an anomaly (48). */
  settlementGraceHours: number
}

export interface AttendancePolicy {
  /** A grey-listed (rectifying) institution may not record classes, so its fees stay frozen in supervision. National default: off; black-listed and removed institutions never record. */
  freezeGreyListed: boolean
  /** The period attendance bursts are looked for in, in days (7). */
  burstWindowDays: number
  /** Classes recorded within the period whose timetable slot lies before it: more than this raises a fund anomaly (30). */
  backfillAlertClasses: number
}

declare module '#plugin_sdk' {
  interface ExtensionPoints {
    /** Which confirmed classes are paid to the institution now. National default: each class as soon as it is confirmed. */
    'funds.release.schedule': { kind: 'value'; input: ReleaseInput; output: number[] }
    /** How much of the prepaid fees the supervised account must hold. National default: all of it (Art. 7). */
    'funds.escrow.policy': {
      kind: 'value'
      input: { escrowModel: 'bank_custody' | 'risk_deposit' }
      output: EscrowPolicy
    }
    /** Deadlines of the fund flow, in working days where the rules say so. */
    'funds.deadlines': { kind: 'value'; input: Record<string, never>; output: FundDeadlines }
    /** Who may record attendance and when recording looks like draining the account. */
    'funds.attendance.policy': {
      kind: 'value'
      input: Record<string, never>
      output: AttendancePolicy
    }
  }
}

export const NATIONAL_DEADLINES: FundDeadlines = Object.freeze({
  classConfirmWorkingDays: 15,
  refundAnswerWorkingDays: 5,
  unpaidOrderMinutes: 30,
  settlementGraceHours: 48,
})

export const releaseSchedule = defineExtensionPoint({
  name: 'funds.release.schedule',
  version: 1,
  kind: 'value',
  description: 'Which confirmed classes are released to the institution now',
  defaultRule: (input) => input.confirmed.map((c) => c.id),
})

export const escrowPolicy = defineExtensionPoint({
  name: 'funds.escrow.policy',
  version: 1,
  kind: 'value',
  description: 'Share of prepaid fees the supervised account must hold',
  defaultRule: () => ({ heldShareBp: 10_000 }),
})

export const fundDeadlines = defineExtensionPoint({
  name: 'funds.deadlines',
  version: 1,
  kind: 'value',
  description: 'Class confirmation, refund answer, unpaid order and settlement deadlines',
  defaultRule: () => ({ ...NATIONAL_DEADLINES }),
})

export const NATIONAL_ATTENDANCE: AttendancePolicy = Object.freeze({
  freezeGreyListed: false,
  burstWindowDays: 7,
  backfillAlertClasses: 30,
})

export const attendancePolicy = defineExtensionPoint({
  name: 'funds.attendance.policy',
  version: 1,
  kind: 'value',
  description:
    'Whether grey-listed institutions may record classes, and the attendance-burst alert',
  defaultRule: () => ({ ...NATIONAL_ATTENDANCE }),
})
