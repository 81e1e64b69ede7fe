/*
| Which existing institution a bureau's import may update (security review
| finding 4). A credit code is unique across the country, so matching on it
| alone let a county anywhere overwrite and move an institution of another
| province, or take over a draft someone filed for themselves. An import
| updates only what it created itself, inside the uploading bureau's
| region; everything else is a row error and nothing is written for it.
*/
import { inScope } from '#modules/identity'
import type Institution from '../models/institution.js'

/*
| Also refused, under the row lock: a row that would change an existing
| institution's supervised account (that moves parents' money, so it goes
| through a reviewed change request and the bank is told), or that names
| an account another institution filed.
*/
export type OwnershipProblem =
  'other_region' | 'self_filed_draft' | 'self_filed' | 'supervision_key_fact' | 'account_taken'

export function importOwnershipProblem(
  existing: Pick<Institution, 'regionCode' | 'source' | 'filingStatus'>,
  bureauRegion: string
): OwnershipProblem | null {
  if (!inScope(existing.regionCode, bureauRegion)) return 'other_region'
  /*
  | An institution that filed itself keeps its own filing: before approval
  | the code may be disputed through the bureau (never silently taken over),
  | after approval its facts change only through a reviewed change request.
  */
  if (existing.source === 'self')
    return existing.filingStatus === 'approved' ? 'self_filed' : 'self_filed_draft'
  return null
}

export const ownershipMessageKey = (problem: OwnershipProblem) =>
  `registry.imports.ownership.${problem}`
