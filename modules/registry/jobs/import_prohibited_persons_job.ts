import { Job } from '@adonisjs/queue'
import { ImportProhibitedPersons } from '../actions/import_prohibited_persons.js'
import { markImportFailed } from '../services/import_files.js'

export default class ImportProhibitedPersonsJob extends Job<{ batchId: number }> {
  static override options = {
    name: 'registry.import_prohibited_persons',
    queue: 'imports',
    maxRetries: 1,
  }

  async execute() {
    await new ImportProhibitedPersons().handle(this.payload.batchId)
  }

  override async failed(error: Error) {
    await markImportFailed(this.payload.batchId, ['validating'], error)
  }
}
