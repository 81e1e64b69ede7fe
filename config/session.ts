import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, stores } from '@adonisjs/session'
import { anonymousFriendly } from '#kernel/shared/lazy_session_store'

/*
| Sessions live on the server (PostgreSQL by default, Redis at scale) so a
| disabled account or a sign-out ends them on every instance. Anonymous
| visitors get no stored session (app/shared/lazy_session_store.ts).
*/
const appKey = env.get('APP_KEY').release()

export default defineConfig({
  enabled: true,
  cookieName: 'xw-session',
  clearWithBrowser: false,
  age: '2h',
  cookie: {
    path: '/',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
  store: env.get('SESSION_DRIVER'),
  stores: {
    database: anonymousFriendly(stores.database({ tableName: 'sessions' }), appKey),
    redis: anonymousFriendly(stores.redis({ connection: 'main' }), appKey),
    cookie: stores.cookie(),
  },
})
