/*
| The supervised account an institution's prepaid fees go into, as filed
| with the registry (bank, account number, escrow model). Only a bank of
| the registry's managed register of supervising banks is used: the first
| time the platform deals with one, it gets fresh API credentials, which
| its operators see in the bank terminal. A name nobody registered is
| refused (it was how a typed name became a phantom bank, review finding 2).
| An institution has one open account record; an approved change of the
| supervision closes it and opens the next (change_supervised_account.ts).
*/
import { randomBytes } from 'node:crypto'
import encryption from '@adonisjs/core/services/encryption'
import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/exceptions/domain_error'
import { contractParty, isSupervisingBank } from '#modules/registry'
import Bank from '../models/bank.js'
import SupervisedAccount from '../models/supervised_account.js'

export function newBankSecret(): { key: string; secret: string; cipher: string } {
  const secret = randomBytes(32).toString('base64url')
  return {
    key: `bk_${randomBytes(12).toString('hex')}`,
    secret,
    cipher: encryption.encrypt(secret),
  }
}

export function bankSecret(bank: Bank): string {
  const secret = encryption.decrypt<string>(bank.apiSecretCipher)
  if (!secret) throw new Error(`Bank ${bank.id} has an unreadable API secret`)
  return secret
}

/** The platform's side of a registered supervising bank (its API credentials), created once. */
export async function bankNamed(name: string, regionCode: string): Promise<Bank> {
  const existing = await Bank.findBy('name', name)
  if (existing) return existing
  if (!(await isSupervisingBank(name)))
    throw new DomainError('funds.banks.not_registered', { name })
  const credentials = newBankSecret()
  /* Two first orders (or a change and an order) at once: the unique name decides, both get the one row. */
  await db
    .table('banks')
    .insert({
      name,
      region_code: regionCode,
      api_key: credentials.key,
      api_secret_cipher: credentials.cipher,
      secret_rotated_at: new Date(),
      created_at: new Date(),
    })
    .onConflict('name')
    .ignore()
  return Bank.findByOrFail('name', name)
}

/** The institution's open supervised account, opened from its filing the first time money is involved. */
export async function supervisedAccountOf(institutionId: number): Promise<SupervisedAccount> {
  const existing = await SupervisedAccount.query()
    .where('institutionId', institutionId)
    .where('status', 'open')
    .first()
  if (existing) return existing
  const party = await contractParty(institutionId)
  if (!party?.supervisingBank || !party.supervisedAccount || !party.escrowModel)
    throw new DomainError('funds.orders.no_supervised_account')
  const bank = await bankNamed(party.supervisingBank, party.regionCode)
  return SupervisedAccount.firstOrCreate(
    { institutionId, status: 'open' },
    {
      institutionId,
      bankId: bank.id,
      accountNumber: party.supervisedAccount.replace(/\s+/g, ''),
      escrowModel: party.escrowModel,
      regionCode: party.regionCode,
      provinceCode: party.provinceCode,
      cityCode: party.cityCode,
      countyCode: party.countyCode,
      status: 'open',
    }
  )
}

/** Every bank's API credentials, by name: only the sandbox bank, which plays each bank in the demo, reads them. */
export async function bankCredentials(): Promise<Record<string, { key: string; secret: string }>> {
  const banks = await Bank.all()
  return Object.fromEntries(banks.map((b) => [b.name, { key: b.apiKey, secret: bankSecret(b) }]))
}
