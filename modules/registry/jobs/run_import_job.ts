import { Job } from '@adonisjs/queue'
import { RunImport } from '../actions/import_institutions.js'
import { markImportFailed } from '../services/import_files.js'

export default class RunImportJob extends Job<{ batchId: number }> {
  static override options = { name: 'registry.run_import', queue: 'imports', maxRetries: 1 }

  async execute() {
    await new RunImport().handle(this.payload.batchId)
  }

  override async failed(error: Error) {
    await markImportFailed(this.payload.batchId, ['importing'], error)
  }
}
