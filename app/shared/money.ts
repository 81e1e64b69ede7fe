/*
| Money is an integer number of fen (1 yuan = 100 fen). JavaScript numbers
| hold integers exactly up to 2^53, about 90 trillion yuan, far above any
| amount on the platform; anything that is not a safe integer is refused.
*/
export type Fen = number & { readonly __brand: 'Fen' }

export function fen(value: number | string | bigint): Fen {
  const n = typeof value === 'number' ? value : Number(value)
  if (!Number.isSafeInteger(n))
    throw new RangeError(`Money must be a whole number of fen, got ${value}`)
  return n as Fen
}

/** Parses a yuan amount typed by a person ("12", "12.5", "12.50") without floating point. */
export function fenFromYuan(input: string): Fen {
  const match = /^\s*(-)?(\d{1,13})(?:\.(\d{1,2}))?\s*$/.exec(input)
  if (!match) throw new RangeError(`"${input}" is not an amount in yuan with at most two decimals`)
  const [, sign, whole, fraction = ''] = match
  const value = Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
  return fen(sign ? -value : value)
}

/** 123456 -> "1,234.56" */
export function formatYuan(amount: Fen | number): string {
  const negative = amount < 0
  const abs = Math.abs(amount)
  const whole = Math.trunc(abs / 100).toLocaleString('en-US')
  const cents = String(abs % 100).padStart(2, '0')
  return `${negative ? '-' : ''}${whole}.${cents}`
}
