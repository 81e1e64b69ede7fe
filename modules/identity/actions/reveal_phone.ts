import { unseal } from '#kernel/shared/personal_data'
import type User from '../models/user.js'
import type { CurrentUser } from '../services/current_user.js'
import { type RequestMeta, recordAudit } from '../services/audit_log.js'

/** Shows an admin the full phone number of an account, and writes that down (Art. 19). */
export class RevealPhone {
  async handle(actor: CurrentUser, account: User, meta: RequestMeta): Promise<string> {
    if (!account.phoneCipher) return ''
    const phone = unseal(account.phoneCipher)
    await recordAudit({
      action: 'pii.viewed',
      actor,
      subjectType: 'user',
      subjectId: account.id,
      regionCode: account.regionCode,
      summary: `phone of account ${account.id} (${account.phoneMasked})`,
      details: { field: 'phone' },
      meta,
    })
    return phone
  }
}
