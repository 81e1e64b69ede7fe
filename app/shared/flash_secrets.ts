/*
| Flash messages live in the session store (PostgreSQL or Redis, and so in
| the WAL and in backups), unencrypted. What a person typed is flashed back
| after a failed post so nothing is lost, except secrets and ID numbers.
| The upstream lists (session's ['password', 'password_confirmation'],
| hand-written lists per controller) miss this app's camelCase and nested
| names, so one rule applies to every path that flashes input, at commit.
*/
import { Session } from '@adonisjs/session'

/*
| Names that never reach the session: passwords of every spelling, any ID
| number (idNumber, studentIdNumber, legalRepIdNumber…), secrets, tokens,
| the texted `code` and the complaint `trackingCode`. Not every *Code:
| regionCode and creditCode are the form's own public data and must
| survive a failed post.
*/
export const SECRET_FIELD = /password|idnumber|secret|token|^code$|trackingcode/i

export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets)
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !SECRET_FIELD.test(key))
        .map(([key, inner]) => [key, withoutSecrets(inner)])
    )
  }
  return value
}

let installed = false

/** Wraps Session#commit once, so flashExcept, flashAll, VineJS's flash and any future path are all covered. */
export function keepSecretsOutOfFlash() {
  if (installed) return
  installed = true
  const commit = Session.prototype.commit
  Session.prototype.commit = async function (this: Session) {
    const input = this.responseFlashMessages.get('input')
    if (input) this.responseFlashMessages.set('input', withoutSecrets(input) as typeof input)
    return commit.call(this)
  }
}
