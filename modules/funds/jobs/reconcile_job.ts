import { Job } from '@adonisjs/queue'
import logger from '@adonisjs/core/services/logger'
import { Reconcile } from '../actions/reconcile.js'

/** Compares every supervised account's bank balance with the ledger. */
export default class ReconcileJob extends Job<Record<string, never>> {
  static override options = { name: 'funds.reconcile', queue: 'scheduled', maxRetries: 3 }

  async execute() {
    logger.info(await new Reconcile().all(), 'supervised accounts reconciled')
  }
}
