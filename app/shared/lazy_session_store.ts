import { createHmac } from 'node:crypto'
import type { HttpContext } from '@adonisjs/core/http'
import type { ConfigProvider } from '@adonisjs/core/types'
import type {
  SessionData,
  SessionStoreFactory,
  SessionStoreWithTaggingContract,
  TaggedSession,
} from '@adonisjs/session/types'

/*
| Public pages, search and payment callbacks are mostly anonymous. Shield
| puts a CSRF secret into every new session, so with a server-side store
| each anonymous request cost a read and an insert, and left a row behind:
| a crawler walking the national institution list would write millions.
|
| This store wraps the database (or Redis) store and keeps anonymous
| sessions out of it. A session whose only value is the CSRF secret is not
| stored: its secret is derived from the session id (itself a signed
| cookie) with the app key, so a form rendered to an anonymous visitor
| still verifies when posted. Anything else — a signed-in user, a flash
| message, an intended URL — is stored as before, and tagging (ending all
| sessions of an account) is unchanged.
*/

export const CSRF_SECRET_KEY = 'csrf-secret'

export function derivedCsrfSecret(appKey: string, sessionId: string): string {
  return createHmac('sha256', appKey)
    .update(`csrf-secret:${sessionId}`)
    .digest('base64url')
    .slice(0, 24)
}

const onlyCsrfSecret = (values: SessionData) =>
  Object.keys(values).every((key) => key === CSRF_SECRET_KEY)

class AnonymousFriendlyStore implements SessionStoreWithTaggingContract {
  /** Whether the store held a row for this session when it was read. */
  #stored = false

  constructor(
    private inner: SessionStoreWithTaggingContract,
    private ctx: HttpContext | null,
    private cookieName: string,
    private appKey: string
  ) {}

  async read(sessionId: string): Promise<SessionData | null> {
    /* No cookie: a new session, nothing to look up. */
    const fromCookie = this.ctx ? this.ctx.request.cookie(this.cookieName) : sessionId
    const data = fromCookie ? await this.inner.read(sessionId) : null
    this.#stored = !!data
    if (!this.ctx) return data
    return data ?? { [CSRF_SECRET_KEY]: derivedCsrfSecret(this.appKey, sessionId) }
  }

  async write(sessionId: string, values: SessionData) {
    if (this.ctx && onlyCsrfSecret(values)) {
      /* Back to anonymous (signed out, flash consumed): the stored row goes. */
      if (this.#stored) await this.inner.destroy(sessionId)
      this.#stored = false
      return
    }
    await this.inner.write(sessionId, values)
    this.#stored = true
  }

  async touch(sessionId: string) {
    if (this.#stored || !this.ctx) await this.inner.touch(sessionId)
  }

  async destroy(sessionId: string) {
    await this.inner.destroy(sessionId)
    this.#stored = false
  }

  async tag(sessionId: string, userId: string | number) {
    await this.inner.tag(sessionId, userId)
    this.#stored = true
  }

  untag(sessionId: string, userId: string | number) {
    return this.inner.untag(sessionId, userId)
  }

  tagged(userId: string | number): Promise<TaggedSession[]> | TaggedSession[] {
    return this.inner.tagged(userId)
  }
}

/** Wraps a server-side store (database, Redis) so that anonymous sessions are never written. */
export function anonymousFriendly(
  store: ConfigProvider<SessionStoreFactory>,
  appKey: string
): ConfigProvider<SessionStoreFactory> {
  return {
    type: 'provider',
    async resolver(app) {
      const factory = await store.resolver(app)
      return (ctx, config) =>
        new AnonymousFriendlyStore(
          factory(ctx, config) as SessionStoreWithTaggingContract,
          ctx,
          config.cookieName,
          appKey
        )
    },
  }
}
