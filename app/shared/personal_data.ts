/*
| Personal data (Art. 19): phone and ID numbers are stored encrypted
| (AES-256-GCM with the app key), found through a keyed blind index, and
| shown masked. Only an audited "reveal" shows the full value to an admin.
*/
import encryption from '@adonisjs/core/services/encryption'

export interface SealedValue {
  cipher: string
  index: string
  masked: string
}

export function normalizePhone(input: string): string {
  return input.replace(/[\s-]/g, '').replace(/^\+?86/, '')
}

export function isMainlandMobile(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone)
}

export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****'
}

/** 18-character resident ID: keep region prefix and the check digit, hide the birth date and sequence. */
export function maskIdNumber(id: string): string {
  return id.length >= 10 ? `${id.slice(0, 3)}${'*'.repeat(id.length - 4)}${id.slice(-1)}` : '****'
}

/** Masks a person's name the way Chinese services do: 张*, 欧阳*华. */
export function maskName(name: string): string {
  const chars = [...name]
  if (chars.length <= 1) return '*'
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`
}

export function blindIndex(value: string, purpose: string): string {
  return encryption.blindIndex(value, purpose)
}

export function sealPhone(phone: string): SealedValue {
  const normalized = normalizePhone(phone)
  return {
    cipher: encryption.encrypt(normalized),
    index: blindIndex(normalized, 'phone'),
    masked: maskPhone(normalized),
  }
}

export function phoneIndex(phone: string): string {
  return blindIndex(normalizePhone(phone), 'phone')
}

export function sealIdNumber(id: string): SealedValue {
  const normalized = id.trim().toUpperCase()
  return {
    cipher: encryption.encrypt(normalized),
    index: blindIndex(normalized, 'id_number'),
    masked: maskIdNumber(normalized),
  }
}

export function unseal(cipher: string): string {
  const value = encryption.decrypt<string>(cipher)
  if (value === null)
    throw new Error('Personal data could not be decrypted (wrong or rotated key?)')
  return value
}

/** GB 11643 check digit of an 18-character resident ID number. */
export function isValidResidentId(id: string): boolean {
  const value = id.trim().toUpperCase()
  if (!/^\d{17}[\dX]$/.test(value)) return false
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = weights.reduce((acc, w, i) => acc + w * Number(value[i]), 0)
  return '10X98765432'[sum % 11] === value[17]
}

/** Completes the first 17 characters of a resident ID with its GB 11643 check digit (generated and test data). */
export function withResidentIdCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`"${first17}" is not 17 digits`)
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first17[i]), 0)
  return first17 + '10X98765432'[sum % 11]
}
