import { sealIdNumber, sealPhone } from '#kernel/shared/personal_data'
import { FIELDS, type FilingValues, type Section } from '../filing/fields.js'

export type SealedFields = Record<string, { cipher: string; index: string }>

/**
 * Moves the personal values of a filing part (ID and phone numbers) into
 * `sealed`, encrypted, and leaves only their masked form in the data. A
 * value left blank keeps what was on file.
 */
export function sealPersonalFields(
  section: Section,
  data: FilingValues,
  sealed: SealedFields,
  previous: FilingValues = {}
): FilingValues {
  const out = { ...data }
  for (const def of FIELDS[section].filter((f) => f.personal)) {
    const value = out[def.name]
    if (typeof value === 'string' && value) {
      const s = def.type === 'id_number' ? sealIdNumber(value) : sealPhone(value)
      sealed[def.name] = { cipher: s.cipher, index: s.index }
      out[def.name] = s.masked
    } else if (sealed[def.name]) {
      out[def.name] = previous[def.name]
    }
    delete out[`${def.name}__kept`]
  }
  return out
}
