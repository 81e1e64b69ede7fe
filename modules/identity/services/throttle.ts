import limiter from '@adonisjs/limiter/services/main'
import { errors } from '@adonisjs/limiter'

export interface Limit {
  key: string
  requests: number
  duration: string
  blockDuration?: string
}

/** Raised when any limit of a guarded attempt is used up; `availableIn` is in seconds. */
export class Throttled extends Error {
  constructor(readonly availableIn: number) {
    super('throttled')
  }
}

const store = (limit: Limit) =>
  limiter.use({
    requests: limit.requests,
    duration: limit.duration,
    blockDuration: limit.blockDuration,
  })

/**
 * Takes one request from every limit before anything else happens. The
 * store's consume is one atomic step (an upsert in PostgreSQL, INCR in
 * Redis), so N concurrent calls can never all see "one left": at most
 * `requests` of them get through, whatever the timing.
 */
export async function consumeAll(limits: Limit[]): Promise<void> {
  for (const limit of limits) {
    try {
      await store(limit).consume(limit.key)
    } catch (error) {
      if (error instanceof errors.E_TOO_MANY_REQUESTS)
        throw new Throttled(error.response.availableIn)
      throw error
    }
  }
}

/**
 * Guesses of a secret (a password): every attempt takes its point first,
 * so concurrent guesses are counted too. A success never counts as a
 * failure: its point is given back, and the counters in `forgetOnSuccess`
 * start again (the person proved they know the secret).
 */
export async function guardedAttempt<T>(
  limits: Limit[],
  forgetOnSuccess: string[],
  attempt: () => Promise<T>
): Promise<T> {
  await consumeAll(limits)
  const result = await attempt()
  for (const limit of limits) {
    if (forgetOnSuccess.includes(limit.key)) await store(limit).delete(limit.key)
    else await store(limit).decrement(limit.key)
  }
  return result
}
