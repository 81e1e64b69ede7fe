/*
| Art. 15: when an institution is removed (which is also how the registry
| records one that stopped teaching: the removal reason says so),
| black-listed, or its supervised account raises a red anomaly, every
| parent whose money it concerns is told at once, in their inbox and by
| text (these kinds are mandatory): what happened, how much of their fees
| is still held unconsumed, and what to do (the refund page, the bureau).
| Run by outbox listeners (provider.ts), so it follows the committed
| change; all the messages are queued in one transaction, keyed on the
| event, so a redelivered event tells nobody twice.
|
| Art. 17 adds one cause told the same way: a risk warning not lifted by
| its deadline went public (风险提示). Credit calls it in the transaction
| that publishes the notice, keyed on the warning, so the notice and the
| texts commit together and a rerun tells nobody twice.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { type MessageKind, queueTexts } from '#modules/messages'
import { institutionSummary } from '#modules/registry'
import FundAnomaly from '../models/fund_anomaly.js'
import type { NoticeCause } from '../queries/fund_notices.js'
import { affectedParents } from '../queries/parents_at_risk.js'
import { shorten } from '../services/refund_updates.js'

/** What parents are told about: the causes their pages show (fund_notices), and a public risk notice, told once. */
export type TellCause = NoticeCause | 'risk_notice'

const KIND: Record<TellCause, MessageKind> = {
  removed: 'institution_removed',
  blacklisted: 'institution_blacklisted',
  fund_warning: 'fund_warning',
  risk_notice: 'risk_notice',
}

/* Rows of one multi-row insert: far below PostgreSQL's 65,535 bindings at ten a row. */
const PARENTS_PER_STATEMENT = 1000

export interface RiskEvent {
  cause: TellCause
  institutionId: number
  /** What is being told, unique per occurrence (the outbox row, the anomaly): with the parent, it is told once. */
  key: string
  /** The red anomaly, for fund_warning. */
  anomalyId?: number
}

export class TellParentsAtRisk {
  /** Returns how many parents were told (0 when the cause was resolved before the event arrived). */
  async handle(event: RiskEvent, trx?: TransactionClientContract): Promise<number> {
    const institution = await institutionSummary(event.institutionId)
    if (!institution || !(await this.#stillTrue(event, institution))) return 0
    const parents = await affectedParents(institution.id)
    if (!parents.size) return 0
    const kind = KIND[event.cause]
    const messages = [...parents].map(([parentUserId, heldFen]) => ({
      kind,
      to: { userId: parentUserId },
      params: { institution: shorten(institution.name, 30), yuan: (heldFen / 100).toFixed(2) },
      key: `${kind}:${event.key}`,
      link: '/parent/orders',
    }))
    /* A large institution has thousands of parents: a few statements per chunk, not five per parent. */
    const queueAll = async (client: TransactionClientContract) => {
      for (let i = 0; i < messages.length; i += PARENTS_PER_STATEMENT)
        await queueTexts(messages.slice(i, i + PARENTS_PER_STATEMENT), client)
    }
    await (trx ? queueAll(trx) : db.transaction(queueAll))
    return parents.size
  }

  /* A removal undone, a list status changed again or an anomaly closed before delivery: nothing to tell any more. */
  async #stillTrue(
    event: RiskEvent,
    institution: { removed: boolean; listStatus: string }
  ): Promise<boolean> {
    if (event.cause === 'removed') return institution.removed
    if (event.cause === 'blacklisted') return institution.listStatus === 'black'
    /* The caller publishes the notice in the same transaction: it is true while that commits. */
    if (event.cause === 'risk_notice') return !institution.removed
    const anomaly = event.anomalyId ? await FundAnomaly.find(event.anomalyId) : null
    if (anomaly?.status !== 'open' || anomaly.severity !== 'red') return false
    /*
    | One warning per episode: while an earlier red anomaly of the same
    | institution is still open its parents have been told, and twenty
    | unmatched debits on one statement must not text them twenty times.
    */
    const earlier = await FundAnomaly.query()
      .where('institutionId', anomaly.institutionId)
      .where('severity', 'red')
      .where('status', 'open')
      .where('id', '<', anomaly.id)
      .first()
    return !earlier
  }
}

/**
 * Tells the parents of an institution whose risk warning went public (a
 * live contract or unconsumed fees), each once per `key`; returns how many.
 * Pass the transaction that publishes the notice so both commit together.
 */
export function tellParentsOfRiskNotice(
  institutionId: number,
  key: string,
  trx?: TransactionClientContract
): Promise<number> {
  return new TellParentsAtRisk().handle({ cause: 'risk_notice', institutionId, key }, trx)
}
