/*
| Extension points the funds module offers to provincial plugins.
| National defaults follow the 2021 prepaid-fee notice and the 2025
| measures (Art. 7: prepaid fees fully supervised; Art. 18: unconsumed fees
| back the way they came).
|
| What each point decides:
|   funds.release.schedule  how much of each confirmed class's fee the bank
|                           is told to pay the institution now (the only
|                           point that moves money);
|   funds.escrow.policy     how much of the held money the bank must show
|                           before reconciliation raises an alarm (moves
|                           nothing);
|   funds.deadlines         the clocks of the fund flow;
|   funds.attendance.policy who may record classes, and the burst alarm.
*/
import { defineExtensionPoint } from '#kernel/plugins/extension_point'

/**
 * One order (one charge of a contract) as the release schedule sees it.
 * Money is in fen; dates are Beijing dates, YYYY-MM-DD.
 */
export interface ReleaseOrder {
  /** The order (one charge of a contract). */
  id: number
  /** The contract's class number of the order's first class: the order pays for classes `firstClass` … `lastClass`. */
  firstClass: number
  /** The contract's class number of the order's last class (`firstClass + classCount - 1`). */
  lastClass: number
  /** Classes this order pays for (not the contract's, which may span several orders). */
  classCount: number
  /** The fee of one class, in fen. */
  pricePerClassFen: number
  /** The signed timetable's date of the order's first class; null when the timetable has none. */
  firstClassDate: string | null
  /** The signed timetable's date of the order's last class; null when the timetable has none. */
  lastClassDate: string | null
  /** The date the latest class of this order that was taken (recorded, not disputed) was held; null before the first. */
  lastHeldOn: string | null
  /** Classes taken: recorded and not disputed, confirmed or still awaiting the parent. */
  classesConsumed: number
  /** Classes recorded and awaiting the parent's confirmation (part of `classesConsumed`). */
  classesPending: number
  /** Classes the parent disputes: not consumed, their fee held and refundable. */
  classesDisputed: number
  /** Classes refunded or being refunded. */
  classesRefunded: number
  /** Classes nobody has taken or had refunded. 0 once the order's classes are over (taken or refunded). */
  classesLeft: number
  /** Paid into the supervised account, in fen. */
  paidFen: number
  /** Released to the institution so far (sent to the bank or paid), in fen. */
  releasedFen: number
  /** Refunds approved and on their way to the parent, in fen. */
  refundingFen: number
  /** Refunded to the parent, in fen. */
  refundedFen: number
  /** Fees of the classes left (`classesLeft × pricePerClassFen`): the parent's money, which only a refund moves, in fen. */
  unconsumedFen: number
  /**
   * Everything still in the supervised account for this order, in fen:
   * `paidFen − releasedFen − refundingFen − refundedFen`, that is
   * `unconsumedFen` plus the fees of taken classes not released yet
   * (awaiting confirmation, or retained by this schedule).
   */
  heldFen: number
}

/** A confirmed class whose fee is not fully released yet. */
export interface ReleaseClass {
  /** The class's id: what the output names. */
  id: number
  /** The contract's class number. */
  classNo: number
  /** The date the class was held. */
  heldOn: string
  /** The date the parent confirmed it, or silence did. */
  confirmedOn: string
  /** The class's whole fee, in fen. */
  feeFen: number
  /** Already released of that fee by earlier answers, in fen (0 unless a schedule retained part of it). */
  releasedFen: number
}

export interface ReleaseInput {
  /** Today in Asia/Shanghai, YYYY-MM-DD: the day a class was confirmed, or of the daily re-ask. */
  today: string
  order: ReleaseOrder
  /** The order's confirmed classes whose fee is not fully released yet, by class number (never empty). */
  confirmed: ReleaseClass[]
}

/**
 * Release this many fen of one confirmed class's fee now. `fen` is a whole
 * number from 1 to the class's `feeFen − releasedFen`; each class at most
 * once per answer.
 */
export interface ReleasePart {
  /** The `id` of one of the input's `confirmed` classes. */
  classId: number
  /** Fen of its fee to release now: a whole number from 1 to its `feeFen − releasedFen`. */
  fen: number
}

export interface EscrowPolicy {
  /**
   * The share of the money the ledger holds for the institution's students
   * (unconsumed fees plus taken classes' fees not released yet) that the
   * bank's reported balance of the supervised account must cover, in basis
   * points (10000 = all of it, 2000 = a fifth). Below it the nightly
   * reconciliation raises an `under_covered` anomaly for the bureau. It
   * moves no money and holds nothing back.
   */
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
    /**
     * How much of each confirmed class's fee the bank is told to pay the
     * institution now: the only funds point that moves money. The rule runs
     * inside the order's row-locked transaction: compute from the input, do
     * no I/O.
     *
     * @asked When a class is confirmed (by the parent, or by 15 working days
     * of silence), and every day at 00:20 Beijing time (the
     * `funds.release_held_fees` job) for every prepaid order with a
     * confirmed class whose fee is not all out, after the order's last
     * class too, until it is.
     * @region The order's region (the institution's county).
     * @decides For each `{ classId, fen }` part, a bank instruction to pay
     * that many fen of the class's fee from the supervised account to the
     * institution, posted supervised → releasing in the ledger. A class left
     * out, or given less than it has left, keeps the rest in the supervised
     * account until a later answer: it still belongs to the taken class, so
     * a refund returns only the classes left, never a retained fee. `[]`
     * releases nothing today. An answer naming a class not offered, a fen
     * amount that is not a whole number from 1 to what the class has left,
     * or a class twice, or a rule that throws, releases nothing for the
     * order and is logged as an error; the confirmation stands and the next
     * day asks again.
     * @national Each confirmed class's whole fee, as soon as it is
     * confirmed: one class consumed pays one class.
     */
    'funds.release.schedule': { kind: 'value'; input: ReleaseInput; output: ReleasePart[] }
    /**
     * The reconciliation threshold: the share of the held money the bank's
     * balance must cover before an alarm.
     *
     * @asked Each night at 01:30 Beijing time, when every supervised
     * account's reported balance is reconciled with the ledger, and when a
     * bureau opens an institution's fund page.
     * @region The supervised account's region (the institution's county).
     * @decides Whether reconciliation raises a red `under_covered` anomaly
     * for the bureau: it does when the bank reports less than this share of
     * what the ledger holds for the institution's students (money still in
     * transit excepted). It moves no money and retains nothing; to hold
     * back part of the fees, answer `funds.release.schedule`.
     * @national All of it (`heldShareBp: 10000`): prepaid fees are fully
     * supervised (Art. 7).
     */
    'funds.escrow.policy': {
      kind: 'value'
      input: {
        /** The institution's supervision model: a custody account holding all fees, or a filed risk deposit. */
        escrowModel: 'bank_custody' | 'risk_deposit'
      }
      output: EscrowPolicy
    }
    /**
     * The clocks of the fund flow, in working days where the rules say so.
     *
     * @asked When an order is created (how long it may stay unpaid), when a
     * class is recorded (when silence confirms it), when a parent asks for a
     * refund (when the institution's silence approves it), and at each
     * reconciliation (how late paid money may reach the account).
     * @region The order's or the supervised account's region (the
     * institution's county).
     * @decides The unpaid order's expiry, the class's and the refund's due
     * dates (counted on the official working-day calendar, fixed when the
     * class or refund is created), and when a payment not yet in the
     * account becomes a `payment_not_settled` anomaly.
     * @national 15 working days to confirm a class, 5 to answer a refund, 30
     * minutes to pay an order, 48 hours for paid money to reach the
     * supervised account.
     */
    'funds.deadlines': { kind: 'value'; input: Record<string, never>; output: FundDeadlines }
    /**
     * Who may record attendance and when recording looks like draining the
     * account.
     *
     * @asked When an institution (or its own system) records a class.
     * @region The contract's region (the institution's county).
     * @decides Whether a grey-listed institution may record the class (if
     * not, its fees stay frozen in supervision), and after each record
     * whether the classes recorded lately for older timetable slots raise an
     * `attendance_burst` anomaly.
     * @national A grey-listed institution may record; more than 30 classes
     * recorded within 7 days for slots older than that is a burst.
     * Black-listed and removed institutions never record, whatever the
     * answer.
     */
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

/*
| An order of 12 classes at ¥120 (classes 13–24 of its contract) with three
| taken: class 13 released, class 14 confirmed with a fifth of its fee
| retained by an earlier answer, class 15 just confirmed.
*/
const RELEASE_EXAMPLE: ReleaseInput = {
  today: '2026-03-23',
  order: {
    id: 1,
    firstClass: 13,
    lastClass: 24,
    classCount: 12,
    pricePerClassFen: 12_000,
    firstClassDate: '2026-03-07',
    lastClassDate: '2026-05-23',
    lastHeldOn: '2026-03-21',
    classesConsumed: 3,
    classesPending: 0,
    classesDisputed: 0,
    classesRefunded: 0,
    classesLeft: 9,
    paidFen: 144_000,
    releasedFen: 21_600,
    refundingFen: 0,
    refundedFen: 0,
    unconsumedFen: 108_000,
    heldFen: 122_400,
  },
  confirmed: [
    {
      id: 14,
      classNo: 14,
      heldOn: '2026-03-14',
      confirmedOn: '2026-03-15',
      feeFen: 12_000,
      releasedFen: 9_600,
    },
    {
      id: 15,
      classNo: 15,
      heldOn: '2026-03-21',
      confirmedOn: '2026-03-23',
      feeFen: 12_000,
      releasedFen: 0,
    },
  ],
}

/* One class consumed pays for one class: the whole fee of each, at once. */
export const releaseSchedule = defineExtensionPoint({
  name: 'funds.release.schedule',
  /* 2: the order's class range and amounts in the input; fen per class (partial releases) out. */
  version: 2,
  kind: 'value',
  description: 'How much of each confirmed class fee is paid to the institution now',
  example: () => RELEASE_EXAMPLE,
  defaultRule: (input) =>
    input.confirmed.map((c) => ({ classId: c.id, fen: c.feeFen - c.releasedFen })),
})

export const escrowPolicy = defineExtensionPoint({
  name: 'funds.escrow.policy',
  version: 1,
  kind: 'value',
  description:
    'Share of the held fees the bank balance must cover before reconciliation raises an alarm',
  example: () => ({ escrowModel: 'risk_deposit' as const }),
  defaultRule: () => ({ heldShareBp: 10_000 }),
})

export const fundDeadlines = defineExtensionPoint({
  name: 'funds.deadlines',
  version: 1,
  kind: 'value',
  description: 'Class confirmation, refund answer, unpaid order and settlement deadlines',
  example: () => ({}),
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
  example: () => ({}),
  defaultRule: () => ({ ...NATIONAL_ATTENDANCE }),
})
