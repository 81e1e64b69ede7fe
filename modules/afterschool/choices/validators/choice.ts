import vine from '@vinejs/vine'

const clock = () =>
  vine
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
const isoDate = () => vine.date({ formats: ['YYYY-MM-DD'] })
const stars = () => vine.number().withoutDecimals().range([1, 5])

/* A listed project into a weekly slot of the school's after-school service. */
export const choiceValidator = vine.create({
  offerIndex: vine.number().withoutDecimals().range([0, 4]),
  weekday: vine.number().withoutDecimals().range([1, 7]),
  startsAt: clock(),
  endsAt: clock(),
  grades: vine.array(vine.string().trim()).minLength(1).maxLength(15).distinct(),
  capacity: vine.number().withoutDecimals().range([1, 60]),
})

/* The service agreement signed with a chosen provider for a term. */
export const agreementValidator = vine.create({
  offerIndex: vine.number().withoutDecimals().range([0, 4]),
  number: vine.string().trim().minLength(2).maxLength(40),
  signedOn: isoDate(),
  termStartsOn: isoDate(),
  termEndsOn: isoDate(),
  notes: vine.string().trim().maxLength(500).optional(),
})

/* The term-end rating: quality, safety, punctuality 1–5 and an optional comment. */
export const evaluationValidator = vine.create({
  quality: stars(),
  safety: stars(),
  punctuality: stars(),
  comment: vine.string().trim().maxLength(500).optional(),
})
