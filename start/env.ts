/*
| Environment variables are validated once at boot. Anything missing or
| malformed stops the process with a message naming the variable.
*/
import { Env } from '@adonisjs/core/env'

export default await Env.create(new URL('../', import.meta.url), {
  NODE_ENV: Env.schema.enum(['development', 'production', 'test'] as const),
  PORT: Env.schema.number(),
  HOST: Env.schema.string({ format: 'host' }),
  APP_KEY: Env.schema.secret(),
  APP_URL: Env.schema.string({ format: 'url', tld: false }),
  /* Seconds a public answer (search results) is cached; 0 turns the cache off. */
  PUBLIC_CACHE_SECONDS: Env.schema.number.optional(),
  /* Proxies allowed to say who the client is (X-Forwarded-For), comma-separated; empty trusts none. */
  TRUSTED_PROXIES: Env.schema.string.optional(),
  LOG_LEVEL: Env.schema.enum([
    'fatal',
    'error',
    'warn',
    'info',
    'debug',
    'trace',
    'silent',
  ] as const),

  /*
  | PostgreSQL is the only database. The demo and test launchers point this
  | at an embedded server when nothing else is given.
  */
  DATABASE_URL: Env.schema.string(),
  DATABASE_POOL_MAX: Env.schema.number.optional(),

  SESSION_DRIVER: Env.schema.enum(['database', 'redis', 'cookie', 'memory'] as const),
  LIMITER_STORE: Env.schema.enum(['database', 'redis', 'memory'] as const),
  QUEUE_DRIVER: Env.schema.enum(['database', 'redis', 'sync'] as const),
  DRIVE_DISK: Env.schema.enum(['fs'] as const),

  REDIS_HOST: Env.schema.string.optional({ format: 'host' }),
  REDIS_PORT: Env.schema.number.optional(),
  REDIS_PASSWORD: Env.schema.string.optional(),

  /* Comma-separated plugin ids under plugins/; empty disables all. */
  PLUGINS: Env.schema.string.optional(),

  /* The sandbox payment provider (modules/funds/sandbox); the secret defaults to one derived from APP_KEY. */
  PAYMENT_SANDBOX_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  PAYMENT_SANDBOX_SECRET: Env.schema.string.optional(),

  /* The student-record service (学籍核验); defaults: the local stand-in on 127.0.0.1:3341, a secret derived from APP_KEY. */
  STUDENT_RECORD_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  STUDENT_RECORD_APP_ID: Env.schema.string.optional(),
  STUDENT_RECORD_SECRET: Env.schema.string.optional(),

  /*
  | Where texts go: `outbox` keeps them for /dev/outbox (development and
  | tests only); `aliyun` or `tencent` sends them through that provider's
  | SMS service (modules/messages; README lists the variables each needs).
  */
  NOTIFY_CHANNEL: Env.schema.enum(['outbox', 'aliyun', 'tencent'] as const),
  /* The approved sign name (【…】) and, as JSON, each message kind's approved template code. */
  SMS_SIGN_NAME: Env.schema.string.optional(),
  SMS_TEMPLATE_CODES: Env.schema.string.optional(),
  ALIYUN_ACCESS_KEY_ID: Env.schema.string.optional(),
  ALIYUN_ACCESS_KEY_SECRET: Env.schema.string.optional(),
  /* Defaults to dysmsapi.aliyuncs.com over https. */
  ALIYUN_SMS_ENDPOINT: Env.schema.string.optional(),
  TENCENT_SECRET_ID: Env.schema.string.optional(),
  TENCENT_SECRET_KEY: Env.schema.string.optional(),
  TENCENT_SMS_APP_ID: Env.schema.string.optional(),
  /* Defaults to ap-guangzhou and sms.tencentcloudapi.com over https. */
  TENCENT_SMS_REGION: Env.schema.string.optional(),
  TENCENT_SMS_ENDPOINT: Env.schema.string.optional(),
  /* Texts the platform may send per hour in total (codes); defaults to 20000. */
  SMS_HOURLY_CAP: Env.schema.number.optional(),

  /*
  | Benchmark affordances (`npm run bench`): the stack-floor route and the
  | fixture helpers it needs. Never set in a real deployment.
  */
  BENCH_ROUTES: Env.schema.boolean.optional(),
})
