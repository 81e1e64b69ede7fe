import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

export default class PruneAuditLogCommand extends BaseCommand {
  static override commandName = 'audit:prune'
  static override description =
    'Remove audit events past their province retention period (runs daily on its own)'
  static override options: CommandOptions = { startApp: true }

  @flags.boolean({ description: 'Queue the job for a worker instead of running it here' })
  declare dispatch: boolean

  override async run() {
    if (this.dispatch) {
      const { default: PruneAuditLogJob } = await import('../jobs/prune_audit_log_job.js')
      const { jobId } = await PruneAuditLogJob.dispatch({})
      this.logger.success(`Queued identity.prune_audit_log (${jobId})`)
      return
    }
    const { PruneAuditLog } = await import('../actions/prune_audit_log.js')
    const result = await new PruneAuditLog().handle()
    this.logger.success(`Removed ${result.deleted} audit events`)
  }
}
