import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Institution from '../models/institution.js'

/** The institution's row, locked: two bureaus deciding at once apply one after the other. */
export const lockInstitution = (
  trx: TransactionClientContract,
  institution: Pick<Institution, 'id'>
) => Institution.query({ client: trx }).where('id', institution.id).forUpdate().firstOrFail()
