/*
| A supervised account belongs to one institution (review finding: two
| institutions could file the same bank account, and the second one's
| first order failed on funds' unique index — or, worse, parents of one
| institution would have paid into another's account). The registry checks
| it where supervision facts become binding: a filing submitted, a change
| approved, an import row written. Drafts do not count, so a draft cannot
| squat someone's account. An advisory lock on the bank and number makes
| two submissions at the same moment take turns.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { SupervisionFacts } from '../events.js'

export async function accountFiledByAnother(
  trx: TransactionClientContract,
  institutionId: number | null,
  facts: SupervisionFacts
): Promise<boolean> {
  if (!facts.bank || !facts.account) return false
  await trx.rawQuery('SELECT pg_advisory_xact_lock(hashtext(?))', [
    `supervised-account:${facts.bank}|${facts.account}`,
  ])
  const other = await trx
    .from('filing_sections')
    .join('institutions', 'institutions.id', 'filing_sections.institution_id')
    .where('filing_sections.section', 'operations')
    .whereRaw(`regexp_replace(filing_sections.data->>'supervisedAccount', '\\s', '', 'g') = ?`, [
      facts.account,
    ])
    .whereRaw(`filing_sections.data->>'supervisingBank' = ?`, [facts.bank])
    .whereNull('institutions.removed_at')
    .whereNot('institutions.filing_status', 'draft')
    .if(institutionId !== null, (q) => q.whereNot('institutions.id', institutionId!))
    .select('institutions.id')
    .first()
  return Boolean(other)
}
