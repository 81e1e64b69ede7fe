import { Job } from '@adonisjs/queue'
import { ValidateImport } from '../actions/import_institutions.js'

export default class ValidateImportJob extends Job<{ batchId: number }> {
  static options = { name: 'registry.validate_import', queue: 'imports', maxRetries: 1 }

  async execute() {
    await new ValidateImport().handle(this.payload.batchId)
  }
}
