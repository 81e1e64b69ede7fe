import type { ApiRequest } from '@japa/api-client'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { TINY_PDF, TINY_PNG } from '../../testing.js'

/** Flattens nested form values into multipart field names: venues[0][address], categories[]. */
export function flatten(values: Record<string, any>, prefix = ''): [string, string][] {
  const out: [string, string][] = []
  for (const [key, value] of Object.entries(values)) {
    const name = prefix ? `${prefix}[${key}]` : key
    if (value === undefined || value === null) continue
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        if (item !== null && typeof item === 'object') out.push(...flatten(item, `${name}[${i}]`))
        else out.push([`${name}[]`, String(item)])
      })
    } else if (typeof value === 'object') out.push(...flatten(value, name))
    else out.push([name, String(value)])
  }
  return out
}

export function withFields(request: ApiRequest, values: Record<string, any>): ApiRequest {
  for (const [name, value] of flatten(values)) request.field(name, value)
  return request
}

/** Posts the hire form with its four required papers; `referer` makes a refusal redirect back where a browser would. */
export function addStaff(client: any, user: any, fields: Record<string, any>, referer?: string) {
  const request = client.post(urlFor('staff.store')).loginAs(user)
  return withFields(referer ? request.header('referer', referer) : request, fields)
    .file('consent', TINY_PDF, { filename: 'consent.pdf' })
    .file('idCopy', TINY_PDF, { filename: 'id.pdf' })
    .file('noCrime', TINY_PDF, { filename: 'no-crime.pdf' })
    .file('photo', TINY_PNG, { filename: 'photo.png' })
    .withCsrfToken()
    .redirects(0)
}
