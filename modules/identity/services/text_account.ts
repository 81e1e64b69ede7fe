import { unseal } from '#kernel/shared/personal_data'
import User from '../models/user.js'
import { sendSms } from './notifier.js'

/**
 * Texts the holder of an account (a parent told of a recorded class). The
 * phone is unsealed here only, so other modules never hold it. False when
 * the account has no phone.
 */
export async function sendSmsToAccount(
  userId: number,
  message: { subject: string; body: string; secrets?: string[] }
): Promise<boolean> {
  const user = await User.find(userId)
  if (!user?.phoneCipher || user.status === 'disabled') return false
  await sendSms({
    phone: unseal(user.phoneCipher),
    subject: message.subject,
    body: message.body,
    secrets: message.secrets ?? [],
  })
  return true
}
