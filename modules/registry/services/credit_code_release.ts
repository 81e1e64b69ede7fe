import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import FilingSection from '../models/filing_section.js'
import type Institution from '../models/institution.js'

/**
 * Takes the credit code off a filing that is not approved: the row lets go
 * of the unique claim, and the basic part is incomplete again (it needs a
 * code before the filing can be submitted).
 */
export async function releaseCreditCode(trx: TransactionClientContract, institution: Institution) {
  institution.creditCode = null
  await institution.useTransaction(trx).save()
  const basic = await FilingSection.query({ client: trx })
    .where('institutionId', institution.id)
    .where('section', 'basic')
    .forUpdate()
    .first()
  if (basic) {
    const { creditCode: _released, ...rest } = basic.data
    basic.merge({ data: rest, complete: false })
    await basic.useTransaction(trx).save()
  }
}
