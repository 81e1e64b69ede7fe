import type { ApiRequest } from '@japa/api-client'

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
