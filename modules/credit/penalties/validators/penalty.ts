import vine from '@vinejs/vine'
import { PENALTY_KINDS } from '../models/penalty.js'

const isoDate = () => vine.date({ formats: ['YYYY-MM-DD'] })

/*
| A penalty decision as the bureau types it from the signed document. The
| document number (文号) and the legal basis are what make it a decision
| at all, so neither may be blank; the amount is in yuan on the form and
| kept in fen.
*/
export const penaltyValidator = vine.create({
  institutionId: vine.number().positive().withoutDecimals(),
  kind: vine.enum(PENALTY_KINDS),
  amountYuan: vine
    .string()
    .trim()
    .regex(/^\d{1,11}(\.\d{1,2})?$/)
    .optional()
    .requiredWhen('kind', 'in', ['fine', 'confiscation']),
  documentNumber: vine.string().trim().minLength(4).maxLength(64),
  decidedOn: isoDate(),
  facts: vine.string().trim().minLength(10).maxLength(4000),
  legalBasis: vine.string().trim().minLength(4).maxLength(1000),
  publishUntil: isoDate().afterOrSameAs('decidedOn'),
})
