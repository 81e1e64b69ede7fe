import type { ApiResponse } from '@japa/api-client'

/*
| Field errors are flashed under `inputErrorsBag` (AdonisJS 7); the session
| plugin's own assertValidationError still reads the old `errors` key.
*/
export function fieldErrors(response: ApiResponse, field: string): string[] {
  const bag = response.flashMessage('inputErrorsBag') as Record<string, string[]> | undefined
  return bag?.[field] ?? []
}

export function assertFieldError(response: ApiResponse, field: string, message: string) {
  response.assert!.include(fieldErrors(response, field), message)
}

/**
 * Nested values as flat urlencoded keys (`findings[0][item]`), because the
 * client's own form encoding drops array indexes.
 */
export function flatForm(values: Record<string, any>, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(values)) {
    const name = prefix ? `${prefix}[${key}]` : key
    if (value === undefined || value === null) continue
    if (typeof value === 'object') Object.assign(out, flatForm(value, name))
    else out[name] = String(value)
  }
  return out
}
