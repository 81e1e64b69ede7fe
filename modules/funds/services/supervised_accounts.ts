/*
| The supervised account an institution's prepaid fees go into, as filed
| with the registry (bank, account number, escrow model). A bank named in a
| filing for the first time is registered with fresh API credentials; its
| operators see them in the bank terminal.
*/
import { randomBytes } from 'node:crypto'
import encryption from '@adonisjs/core/services/encryption'
import { DateTime } from 'luxon'
import { DomainError } from '#kernel/exceptions/domain_error'
import { contractParty } from '#modules/registry'
import Bank from '../models/bank.js'
import SupervisedAccount from '../models/supervised_account.js'

export function newBankSecret(): { key: string; secret: string; cipher: string } {
  const secret = randomBytes(32).toString('base64url')
  return { key: `bk_${randomBytes(12).toString('hex')}`, secret, cipher: encryption.encrypt(secret) }
}

export function bankSecret(bank: Bank): string {
  const secret = encryption.decrypt<string>(bank.apiSecretCipher)
  if (!secret) throw new Error(`Bank ${bank.id} has an unreadable API secret`)
  return secret
}

export async function bankNamed(name: string, regionCode: string): Promise<Bank> {
  const existing = await Bank.findBy('name', name)
  if (existing) return existing
  const credentials = newBankSecret()
  return Bank.firstOrCreate({ name }, { name, regionCode, apiKey: credentials.key, apiSecretCipher: credentials.cipher, secretRotatedAt: DateTime.now() })
}

export async function supervisedAccountOf(institutionId: number): Promise<SupervisedAccount> {
  const existing = await SupervisedAccount.findBy('institutionId', institutionId)
  if (existing) return existing
  const party = await contractParty(institutionId)
  if (!party?.supervisingBank || !party.supervisedAccount || !party.escrowModel) throw new DomainError('funds.orders.no_supervised_account')
  const bank = await bankNamed(party.supervisingBank, party.regionCode)
  return SupervisedAccount.firstOrCreate(
    { institutionId },
    {
      institutionId,
      bankId: bank.id,
      accountNumber: party.supervisedAccount.replace(/\s+/g, ''),
      escrowModel: party.escrowModel,
      regionCode: party.regionCode,
      provinceCode: party.provinceCode,
      cityCode: party.cityCode,
      countyCode: party.countyCode,
    }
  )
}

/** Every bank's API credentials, by name: only the sandbox bank, which plays each bank in the demo, reads them. */
export async function bankCredentials(): Promise<Record<string, { key: string; secret: string }>> {
  const banks = await Bank.all()
  return Object.fromEntries(banks.map((b) => [b.name, { key: b.apiKey, secret: bankSecret(b) }]))
}
