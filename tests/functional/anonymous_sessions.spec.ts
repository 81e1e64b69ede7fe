import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { stores } from '@adonisjs/session'
import type { HttpContext } from '@adonisjs/core/http'
import type { SessionConfig, SessionStoreFactory } from '@adonisjs/session/types'
import Tokens from 'csrf'
import {
  CSRF_SECRET_KEY,
  anonymousFriendly,
  derivedCsrfSecret,
} from '#kernel/shared/lazy_session_store'

/*
| The session store that keeps anonymous visitors out of the sessions
| table (config/session.ts), over the real database store. The production
| build signs in through it in the benchmark's short mode as well.
*/
const KEY = 'test-key-for-anonymous-sessions-0123456789'
const config = { cookieName: 'xw-session', age: '2h' } as SessionConfig
const tokens = new Tokens()

const requestWith = (cookie: string | null) =>
  ({
    request: {
      cookie: (name: string) => (name === config.cookieName ? (cookie ?? undefined) : undefined),
    },
  }) as unknown as HttpContext
const rows = async (id?: string) =>
  Number(
    (
      await db
        .from('sessions')
        .if(id, (q) => q.where('id', id!))
        .count('* as n')
    )[0].n
  )

test.group('Anonymous sessions', (group) => {
  let factory: SessionStoreFactory
  group.setup(async () => {
    factory = await anonymousFriendly(stores.database({ tableName: 'sessions' }), KEY).resolver(app)
  })
  group.each.setup(async () => {
    await db.from('sessions').delete()
  })

  test('a first visit is neither read nor stored, and its CSRF token verifies on the next request', async ({
    assert,
  }) => {
    const id = '0b7a5c1e-9a55-4f0e-a1a4-6b3f1f2b9c01'
    const first = factory(requestWith(null), config)
    const data = await first.read(id)
    assert.deepEqual(Object.keys(data!), [CSRF_SECRET_KEY])
    const token = tokens.create(String(data![CSRF_SECRET_KEY]))
    await first.touch(id)
    await first.write(id, data!)
    assert.equal(await rows(), 0)

    /* The form comes back with the session cookie: the same secret, still nothing stored. */
    const second = factory(requestWith(id), config)
    const again = await second.read(id)
    assert.isTrue(tokens.verify(String(again![CSRF_SECRET_KEY]), token))
    assert.equal(await rows(), 0)

    /* Another session's secret refuses the token; so does another app key. */
    const other = await factory(requestWith(null), config).read(
      '5d4c3b2a-1f0e-4d9c-8b7a-695847362514'
    )
    assert.isFalse(tokens.verify(String(other![CSRF_SECRET_KEY]), token))
    assert.notEqual(derivedCsrfSecret('another-key', id), derivedCsrfSecret(KEY, id))
  })

  test('anything beyond the CSRF secret is stored, and removed again once only the secret is left', async ({
    assert,
  }) => {
    const id = '9e8d7c6b-5a49-4382-9160-a1b2c3d4e5f6'
    const store = factory(requestWith(null), config)
    const data = (await store.read(id))!
    await store.write(id, { ...data, __flash__: { errors: { name: ['必填'] } } })
    assert.equal(await rows(id), 1)

    const next = factory(requestWith(id), config)
    const read = (await next.read(id))!
    assert.deepEqual(read.__flash__, { errors: { name: ['必填'] } })
    assert.equal(read[CSRF_SECRET_KEY], data[CSRF_SECRET_KEY])
    await next.write(id, { [CSRF_SECRET_KEY]: read[CSRF_SECRET_KEY]! })
    assert.equal(await rows(id), 0)
  })

  test('a signed-in session is stored and tagged, so ending all sessions of an account still finds it', async ({
    assert,
  }) => {
    const id = '1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d'
    const store = factory(requestWith(null), config)
    const data = (await store.read(id))!
    await (store as any).tag(id, '42')
    await store.write(id, { ...data, auth_web: 42 })
    const collection = factory(null as unknown as HttpContext, config) as any
    const tagged = await collection.tagged('42')
    assert.deepEqual(
      tagged.map((s: { id: string }) => s.id),
      [id]
    )
    assert.equal(tagged[0].data.auth_web, 42)

    /* Touching a stored session keeps it; touching an anonymous one writes nothing. */
    const later = factory(requestWith(id), config)
    await later.read(id)
    await later.touch(id)
    assert.equal(await rows(id), 1)
    const anonymous = factory(requestWith('7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2918'), config)
    await anonymous.read('7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2918')
    await anonymous.touch('7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2918')
    assert.equal(await rows(), 1)
  })
})
