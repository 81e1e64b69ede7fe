import User from '../models/user.js'

/** One account by id, for an admin page; the policy decides whether it may be shown. */
export async function findAccount(id: unknown): Promise<User> {
  const numeric = Number(id)
  if (!Number.isSafeInteger(numeric) || numeric <= 0) return User.findOrFail(0)
  return User.findOrFail(numeric)
}
