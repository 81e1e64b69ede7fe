/*
| Domain events the funds module emits (after commit). Each carries its
| region so plugins and the credit and risk modules can route it.
*/
export interface OrderPaidEvent {
  orderId: number
  contractId: number
  institutionId: number
  regionCode: string
  amountFen: number
}

/** A part (under the national schedule, all) of a confirmed class's fee was released to the institution. */
export interface ClassReleasedEvent {
  orderId: number
  consumptionId: number
  institutionId: number
  regionCode: string
  /** The class's whole fee, in fen. */
  feeFen: number
  /** Released by this release, in fen (the whole fee under the national schedule). */
  amountFen: number
  /** Of the class's fee, still retained in the supervised account after it, in fen (0 once all is released). */
  heldFen: number
}

export interface RefundSettledEvent {
  refundId: number
  orderId: number
  institutionId: number
  regionCode: string
  amountFen: number
  outcome: 'refunded' | 'failed'
}

export interface FundAnomalyRaisedEvent {
  anomalyId: number
  kind: string
  severity: 'yellow' | 'red'
  institutionId: number
  regionCode: string
}

declare module '@adonisjs/core/types' {
  interface EventsList {
    'funds:order_paid': OrderPaidEvent
    'funds:class_released': ClassReleasedEvent
    'funds:refund_settled': RefundSettledEvent
    'funds:anomaly_raised': FundAnomalyRaisedEvent
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
