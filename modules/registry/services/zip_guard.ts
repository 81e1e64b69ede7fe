/*
| An .xlsx is a zip. A 20 MB upload can hold a sheet that inflates to
| gigabytes (a "zip bomb"), and ExcelJS inflates everything in memory. So
| before a workbook is parsed, its central directory is read and refused
| when the declared sizes are too large; then every entry is inflated with
| a hard output cap equal to its declared size, so an entry that lies about
| its size is refused after at most that many bytes, never inflated in full.
*/
import { inflateRawSync } from 'node:zlib'

/** All entries together, uncompressed. A filled template of 10,000 rows is about 15 MB (ratio about 9:1). */
export const MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
/** Ordinary sheet XML compresses 5–20 times; 100 times is a bomb. */
export const MAX_RATIO = 100
/* Small entries (styles, a sheet of empty cells) may compress far better without being a danger. */
const RATIO_FLOOR_BYTES = 1024 * 1024
const MAX_ENTRIES = 10_000

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

export type ZipRefusal = 'not_zip' | 'too_large' | 'ratio' | 'damaged'

/** Why a spreadsheet was refused before parsing; `messageKey` is a registry lang key. */
export class SpreadsheetRefused extends Error {
  constructor(
    readonly reason: ZipRefusal,
    readonly params: Record<string, number> = {}
  ) {
    super(`spreadsheet refused: ${reason}`)
  }

  get messageKey() {
    return `registry.spreadsheet.${this.reason}`
  }
}

interface Entry {
  method: number
  compressed: number
  uncompressed: number
  localOffset: number
}

function endOfCentralDirectory(bytes: Buffer): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff)
  for (let at = bytes.length - 22; at >= stop; at--) if (bytes.readUInt32LE(at) === EOCD) return at
  throw new SpreadsheetRefused('not_zip')
}

function centralDirectory(bytes: Buffer): Entry[] {
  if (bytes.length < 22) throw new SpreadsheetRefused('not_zip')
  const end = endOfCentralDirectory(bytes)
  const count = bytes.readUInt16LE(end + 10)
  const offset = bytes.readUInt32LE(end + 16)
  /* ZIP64 markers: no spreadsheet under the upload limit needs them. */
  if (count === 0xffff || offset === 0xffffffff || count > MAX_ENTRIES)
    throw new SpreadsheetRefused('damaged')
  const entries: Entry[] = []
  let at = offset
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL)
      throw new SpreadsheetRefused('damaged')
    entries.push({
      method: bytes.readUInt16LE(at + 10),
      compressed: bytes.readUInt32LE(at + 20),
      uncompressed: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
    })
    at +=
      46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32)
  }
  return entries
}

/** Refusals from the declared sizes alone: nothing is inflated. */
function checkDeclared(entries: Entry[]) {
  const total = entries.reduce((sum, e) => sum + e.uncompressed, 0)
  if (total > MAX_UNCOMPRESSED_BYTES)
    throw new SpreadsheetRefused('too_large', {
      megabytes: Math.round(total / 1024 / 1024),
      limit: MAX_UNCOMPRESSED_BYTES / 1024 / 1024,
    })
  for (const e of entries) {
    if (e.uncompressed > RATIO_FLOOR_BYTES && e.uncompressed > e.compressed * MAX_RATIO)
      throw new SpreadsheetRefused('ratio', { limit: MAX_RATIO })
  }
}

/** Inflates each entry with an output cap of its declared size, so a lying header costs at most that. */
function checkActual(bytes: Buffer, entries: Entry[]) {
  for (const e of entries) {
    const at = e.localOffset
    if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL)
      throw new SpreadsheetRefused('damaged')
    const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28)
    if (start + e.compressed > bytes.length) throw new SpreadsheetRefused('damaged')
    const data = bytes.subarray(start, start + e.compressed)
    if (e.method === 0) {
      if (e.compressed !== e.uncompressed) throw new SpreadsheetRefused('damaged')
      continue
    }
    if (e.method !== 8) throw new SpreadsheetRefused('damaged')
    if (e.compressed === 0 && e.uncompressed === 0) continue
    let inflated: Buffer
    try {
      inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressed) })
    } catch {
      /* ERR_BUFFER_TOO_LARGE (more than declared) or a broken stream. */
      throw new SpreadsheetRefused('damaged')
    }
    if (inflated.length !== e.uncompressed) throw new SpreadsheetRefused('damaged')
  }
}

/** Throws SpreadsheetRefused unless the zip is safe to hand to a parser that inflates it in memory. */
export function assertSafeZip(bytes: Buffer) {
  const entries = centralDirectory(bytes)
  checkDeclared(entries)
  checkActual(bytes, entries)
}
