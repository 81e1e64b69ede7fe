import { Job } from '@adonisjs/queue'
import logger from '@adonisjs/core/services/logger'
import { AutoConfirmClasses } from '../actions/classes.js'
import { ExpireOrders } from '../actions/expire_orders.js'
import { SettleOverdueRefunds } from '../actions/settle_overdue_refunds.js'

/** Deadlines of the fund flow: unpaid orders lapse, silent parents confirm, silent institutions approve refunds. */
export default class FundDeadlinesJob extends Job<Record<string, never>> {
  static override options = { name: 'funds.deadlines', queue: 'scheduled', maxRetries: 3 }

  async execute() {
    const expired = await new ExpireOrders().handle()
    const classes = await new AutoConfirmClasses().handle()
    const refunds = await new SettleOverdueRefunds().handle()
    logger.info({ expired, ...classes, ...refunds }, 'fund deadlines applied')
  }
}
