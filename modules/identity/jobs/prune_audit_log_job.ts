import { Job } from '@adonisjs/queue'
import logger from '@adonisjs/core/services/logger'
import { PruneAuditLog } from '../actions/prune_audit_log.js'

/** Daily: drops audit events past their province's retention period. */
export default class PruneAuditLogJob extends Job<Record<string, never>> {
  static override options = { name: 'identity.prune_audit_log', queue: 'scheduled', maxRetries: 3 }

  async execute() {
    const result = await new PruneAuditLog().handle()
    logger.info({ deleted: result.deleted }, 'audit log pruned')
  }
}
