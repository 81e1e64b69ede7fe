import Contract from '../models/contract.js'

/** A contract still binding its parties: signed and awaiting its first payment, or in force. */
export interface LiveContract {
  id: number
  institutionId: number
  parentUserId: number
}

/**
 * The live contracts (signed or active; not completed, terminated or
 * lapsed) with some institutions, optionally of one parent: whom an
 * institution's removal or black-listing concerns besides those with fees
 * held (Art. 15), asked by the funds module. Ordered by id.
 */
export async function liveContracts(filter: {
  institutionIds: number[]
  parentUserId?: number
}): Promise<LiveContract[]> {
  const ids = [...new Set(filter.institutionIds)].filter((id) => Number.isSafeInteger(id))
  if (!ids.length) return []
  const query = Contract.query()
    .whereIn('institutionId', ids)
    .whereIn('status', ['signed', 'active'])
    .select('id', 'institutionId', 'parentUserId')
    .orderBy('id')
  if (filter.parentUserId !== undefined) query.where('parentUserId', filter.parentUserId)
  const rows = await query
  return rows.map((row) => ({
    id: row.id,
    institutionId: row.institutionId,
    parentUserId: row.parentUserId,
  }))
}
