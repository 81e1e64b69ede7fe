import User from '../models/user.js'
import {
  blindIndex,
  isMainlandMobile,
  normalizePhone,
  phoneIndex,
} from '#kernel/shared/personal_data'

/** Finds an account by the phone number or username a person typed to sign in. */
export async function findBySignInName(identifier: string): Promise<User | null> {
  const trimmed = identifier.trim()
  const phone = normalizePhone(trimmed)
  if (isMainlandMobile(phone)) {
    return User.findBy('phoneIndex', phoneIndex(phone))
  }
  return User.findBy('username', trimmed.toLowerCase())
}

/**
 * The throttling key of a sign-in name: the account itself when one was
 * found (its phone and its username share one counter), otherwise the
 * name after the same normalisation the lookup applies. Never the raw text,
 * which has endless spellings of one phone.
 */
export function signInAccountKey(identifier: string, user: User | null): string {
  if (user) return `user:${user.id}`
  const trimmed = identifier.trim()
  const phone = normalizePhone(trimmed)
  return `name:${blindIndex(isMainlandMobile(phone) ? phone : trimmed.toLowerCase(), 'sign_in')}`
}

export async function isPhoneRegistered(phone: string): Promise<boolean> {
  return !!(await User.findBy('phoneIndex', phoneIndex(phone)))
}
