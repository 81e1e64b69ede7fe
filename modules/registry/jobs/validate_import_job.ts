import { Job } from '@adonisjs/queue'
import { ValidateImport } from '../actions/import_institutions.js'
import { markImportFailed } from '../services/import_files.js'

export default class ValidateImportJob extends Job<{ batchId: number }> {
  static override options = { name: 'registry.validate_import', queue: 'imports', maxRetries: 1 }

  async execute() {
    await new ValidateImport().handle(this.payload.batchId)
  }

  /* The last try failed (or the worker died under it): the batch says so instead of "checking" for ever. */
  override async failed(error: Error) {
    await markImportFailed(this.payload.batchId, ['validating'], error)
  }
}
