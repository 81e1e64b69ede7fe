/*
| What a resident ID number (居民身份证号码, GB 11643-1999) says about a
| child: 6 digits of the issuing region, the birth date (yyyyMMdd), a
| 3-digit sequence whose last digit is odd for a male and even for a
| female, and the check digit (ISO 7064 MOD 11-2, `X` for 10).
*/
import { isValidResidentId } from '#kernel/shared/personal_data'

export type Sex = 'male' | 'female'

export interface ResidentIdFacts {
  /** Upper-case, trimmed: the form that is sealed and indexed. */
  normalized: string
  birthDate: string
  sex: Sex
}

export type ResidentIdProblem = 'format' | 'check_digit' | 'birth_date'

export function normalizeResidentId(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase()
}

/** The facts of a valid ID, or why it is not one. `today` (yyyy-MM-dd) bounds the birth date. */
export function readResidentId(
  input: string,
  today: string
): { ok: true; facts: ResidentIdFacts } | { ok: false; problem: ResidentIdProblem } {
  const id = normalizeResidentId(input)
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, problem: 'format' }
  if (!isValidResidentId(id)) return { ok: false, problem: 'check_digit' }
  const [y, m, d] = [id.slice(6, 10), id.slice(10, 12), id.slice(12, 14)].map(Number) as [
    number,
    number,
    number,
  ]
  const date = new Date(Date.UTC(y, m - 1, d))
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`
  const real =
    date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
  if (!real || y < 1900 || birthDate > today) return { ok: false, problem: 'birth_date' }
  return {
    ok: true,
    facts: { normalized: id, birthDate, sex: Number(id[16]) % 2 === 1 ? 'male' : 'female' },
  }
}
