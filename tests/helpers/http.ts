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
