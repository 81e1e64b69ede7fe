import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type { CurrentUser } from '#modules/identity'
import type ImportBatch from '../models/import_batch.js'
import { isBureau } from '../services/authority.js'

/*
| Batch imports of institutions (2018 manual) are run by the bureaus above
| sub-units. A batch is its uploader's alone: anyone else, however senior,
| is told it does not exist (404), after the role is asked (403).
*/
const importer = (user: CurrentUser) => isBureau(user) && user.adminLevel !== 'subunit'

export default class ImportBatchPolicy extends BasePolicy {
  index(user: CurrentUser) {
    return importer(user)
  }

  /** Downloading the template and uploading a file. */
  create(user: CurrentUser) {
    return importer(user)
  }

  /** Following and running one's own batch. */
  own(user: CurrentUser, batch: Pick<ImportBatch, 'uploadedById'> | null) {
    if (!importer(user)) return false
    return batch?.uploadedById === user.id || AuthorizationResponse.deny('Not found', 404)
  }
}
