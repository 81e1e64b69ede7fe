/*
| Domain events the funds module emits (after commit). Each carries its
| region so plugins and the credit and risk modules can route it.
*/
/** A verified channel callback paid a prepaid order into supervision, or (learn first, pay later) one class straight to the institution. */
export interface OrderPaidEvent {
  /** The order (one charge of a contract). */
  orderId: number
  /** Its signed contract. */
  contractId: number
  /** The institution the contract is with. */
  institutionId: number
  /** The order's region (the institution's county). */
  regionCode: string
  /** Paid by this payment, in fen: the whole charge, or one class's fee. */
  amountFen: number
}

/** A part (under the national schedule, all) of a confirmed class's fee was released to the institution. */
export interface ClassReleasedEvent {
  /** The order the class belongs to. */
  orderId: number
  /** The class taken (its consumption record). */
  consumptionId: number
  /** The institution paid. */
  institutionId: number
  /** The order's region (the institution's county). */
  regionCode: string
  /** The class's whole fee, in fen. */
  feeFen: number
  /** Released by this release, in fen (the whole fee under the national schedule). */
  amountFen: number
  /** Of the class's fee, still retained in the supervised account after it, in fen (0 once all is released). */
  heldFen: number
}

/** The payment channel reported a refund back to the parent's original account, or its failure (the money then returns to supervision). */
export interface RefundSettledEvent {
  /** The refund. */
  refundId: number
  /** The order refunded. */
  orderId: number
  /** The institution whose supervised fees paid it. */
  institutionId: number
  /** The order's region (the institution's county). */
  regionCode: string
  /** The refund's amount, in fen: the fees of the refunded classes only. */
  amountFen: number
  /** refunded: the parent has the money; failed: the channel refused it. */
  outcome: 'refunded' | 'failed'
}

/** Reconciliation or a bank report found something wrong with an institution's supervised money; the bureau must look (once per open fingerprint). */
export interface FundAnomalyRaisedEvent {
  /** The anomaly, open until a bureau closes it with a note. */
  anomalyId: number
  /** balance_mismatch, unmatched_debit, under_covered, payment_not_settled, instruction_rejected, attendance_burst, refund_failed_executed, transfer_overdue or payment_return_failed. */
  kind: string
  /** red needs action now; yellow is a warning. */
  severity: 'yellow' | 'red'
  /** The institution whose supervised account it concerns. */
  institutionId: number
  /** The supervised account's region (the institution's county). */
  regionCode: string
}

/**
 * A refund moved on a step (asked, agreed, declined, withdrawn, paid back,
 * refused by the channel), as it stood in that step's transaction: the
 * funds module tells the parent from it. Internal: not offered to plugins.
 */
export interface RefundStepEvent {
  refundId: number
  orderId: number
  parentUserId: number
  institutionId: number
  /** The refund's status after the step. */
  status: 'requested' | 'approved' | 'declined' | 'refunding' | 'refunded' | 'failed' | 'withdrawn'
  /** Who agreed, once agreed. */
  approvedBy: 'institution' | 'deadline' | 'before_start' | 'bureau' | null
  /** The amount of the step, in fen (recomputed from the classes left when agreed). */
  amountFen: number
  /** The day the institution must answer by (YYYY-MM-DD). */
  answerDueOn: string
  /** The reason given with a decision, if any. */
  decisionReason: string | null
  /** Declined by a person (the institution's owner), not because nothing was left to refund. */
  decidedByPerson: boolean
}

declare module '@adonisjs/core/types' {
  interface EventsList {
    'funds:order_paid': OrderPaidEvent
    'funds:class_released': ClassReleasedEvent
    'funds:refund_settled': RefundSettledEvent
    'funds:anomaly_raised': FundAnomalyRaisedEvent
    'funds:refund_step': RefundStepEvent
  }
}

declare module '#plugin_sdk' {
  interface DomainEvents {
    'funds:order_paid': OrderPaidEvent
    'funds:class_released': ClassReleasedEvent
    'funds:refund_settled': RefundSettledEvent
    'funds:anomaly_raised': FundAnomalyRaisedEvent
  }
}
