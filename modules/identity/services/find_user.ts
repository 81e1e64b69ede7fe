import User from '../models/user.js'
import { isMainlandMobile, normalizePhone, phoneIndex } from '#kernel/shared/personal_data'

/** Finds an account by the phone number or username a person typed to sign in. */
export async function findBySignInName(identifier: string): Promise<User | null> {
  const trimmed = identifier.trim()
  const phone = normalizePhone(trimmed)
  if (isMainlandMobile(phone)) {
    return User.findBy('phoneIndex', phoneIndex(phone))
  }
  return User.findBy('username', trimmed.toLowerCase())
}

export async function isPhoneRegistered(phone: string): Promise<boolean> {
  return !!(await User.findBy('phoneIndex', phoneIndex(phone)))
}
