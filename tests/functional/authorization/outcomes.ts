import type { ApiClient, ApiResponse } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import { CurrentUserProvider } from '#modules/identity'
import type { TestAccount } from '#testing/identity'
import { flatForm } from '#tests/helpers/http'

/*
| What a request's answer means, told apart precisely:
| - ok: the action really happened — a page (2xx), or a redirect onward
|   with a success flash or to a new place; never a redirect back;
| - refused: the action was reached and said no (a flashed error or field
|   errors, a redirect back, 400/409/422/429) — for cells whose input is
|   wrong on purpose or whose record is in the wrong state;
| - login (302 to /login), home (a guest-only page sending a signed-in
|   person to their terminal), unauthorized (401, machine endpoints),
|   forbidden (403: the role may not), not_found (404: outside the actor's
|   region or another owner's record), gone (410: a used or unknown link),
|   error (5xx: never expected).
*/
export type Outcome =
  | 'ok'
  | 'refused'
  | 'login'
  | 'home'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'gone'
  | 'error'

/** Redirects "back" go here, so they are told apart from a redirect onward. */
export const BACK = '/__matrix_back'

export interface Answer {
  outcome: Outcome
  status: number
  location?: string
  detail: string
}

const HOMES = ['/parent', '/institution', '/manage', '/bank']

export function outcomeOf(response: ApiResponse): Answer {
  const status = response.status()
  const location = response.header('location') as string | undefined
  const flash = (response.flashMessages?.() ?? {}) as Record<string, unknown>
  const errors =
    flash.error ?? flash.inputErrorsBag ?? flash.errorsBag ?? flash.violations ?? flash.importErrors
  const detail = `${status}${location ? ` → ${location}` : ''}${errors ? ` ${JSON.stringify(errors).slice(0, 160)}` : ''}${flash.success ? ` ✓ ${String(flash.success).slice(0, 60)}` : ''}`
  const answer = (outcome: Outcome): Answer => ({ outcome, status, location, detail })
  if (status >= 500) return answer('error')
  if (status === 401) return answer('unauthorized')
  if (status === 403) return answer('forbidden')
  if (status === 404) return answer('not_found')
  if (status === 410) return answer('gone')
  if (status >= 400) return answer('refused')
  if (status >= 300) {
    if (location?.startsWith('/login')) return answer('login')
    if (errors) return answer('refused')
    if (flash.success) return answer('ok')
    if (location?.endsWith(BACK)) return answer('refused')
    if (location && HOMES.includes(location)) return answer('home')
    return answer('ok')
  }
  return answer('ok')
}

const users = new Map<number, unknown>()
async function userOf(account: TestAccount) {
  if (!users.has(account.id))
    users.set(account.id, (await new CurrentUserProvider().findById(account.id))!.getOriginal())
  return users.get(account.id)
}

export interface Call {
  method: string
  path: string
  form?: Record<string, unknown>
  files?: Record<string, { bytes: Buffer; name: string }>
  json?: unknown
  headers?: Record<string, string>
}

/** Sends one request as one actor (or as a guest), with CSRF for forms and a recognisable "back". */
export async function send(
  client: ApiClient,
  actor: TestAccount | null,
  call: Call
): Promise<ApiResponse> {
  const m = call.method.toLowerCase() as 'get' | 'post' | 'put'
  let request = client[m](call.path).header(
    'referer',
    `http://localhost:${process.env.PORT}${BACK}`
  )
  if (call.headers) request = request.headers(call.headers)
  if (call.files) {
    for (const [field, value] of Object.entries(flatForm(call.form ?? {})))
      request = request.field(field, value)
    for (const [field, file] of Object.entries(call.files))
      request = request.file(field, file.bytes, { filename: file.name })
  } else if (call.form) request = request.form(flatForm(call.form) as never)
  if (call.json !== undefined) request = request.json(call.json as never)
  if (actor) request = request.loginAs((await userOf(actor)) as never)
  if (m !== 'get' && !call.path.startsWith('/api/')) request = request.withCsrfToken()
  return request.redirects(0)
}

let savepoints = 0
/** Runs one cell and undoes everything it wrote, so every cell meets the same world. */
export async function isolated<T>(work: () => Promise<T>): Promise<T> {
  const name = `matrix_cell_${++savepoints}`
  await db.rawQuery(`SAVEPOINT ${name}`)
  try {
    return await work()
  } finally {
    await db.rawQuery(`ROLLBACK TO SAVEPOINT ${name}`)
  }
}
