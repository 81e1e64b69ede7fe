import app from '@adonisjs/core/services/app'
import { SessionCollection } from '@adonisjs/session'

/**
 * Ends every session of an account (stores that tag sessions by user:
 * database, Redis, memory), except `keep` when given (the session of the
 * person who just changed their own password). With the cookie store the
 * user provider still refuses a disabled account on the next request.
 */
export async function endAllSessions(userId: number, keep?: string) {
  const collection = await app.container.make(SessionCollection)
  if (!collection.supportsTagging()) return
  for (const session of await collection.tagged(String(userId))) {
    if (session.id !== keep) await collection.destroy(session.id)
  }
}
