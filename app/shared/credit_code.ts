/*
| Unified social credit codes (统一社会信用代码, GB 32100-2015): 18
| characters from a 31-character alphabet, the last one a check character.
*/
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

function checkChar(first17: string): string | null {
  let sum = 0
  for (const [i, weight] of WEIGHTS.entries()) {
    const char = first17[i]
    const value = char === undefined ? -1 : ALPHABET.indexOf(char)
    if (value < 0) return null
    sum += value * weight
  }
  const check = (31 - (sum % 31)) % 31
  return ALPHABET.charAt(check)
}

export function isValidCreditCode(input: string): boolean {
  const code = input.trim().toUpperCase()
  return /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code) && checkChar(code.slice(0, 17)) === code[17]
}

/** Completes 17 characters with their check character (for generated and test data). */
export function withCheckChar(first17: string): string {
  const char = checkChar(first17.toUpperCase())
  if (!char || first17.length !== 17)
    throw new RangeError(`"${first17}" is not 17 valid characters`)
  return first17.toUpperCase() + char
}
