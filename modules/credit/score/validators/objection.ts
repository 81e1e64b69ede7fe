import vine from '@vinejs/vine'

/** An objection names what the institution contests and why, in its own words. */
export const objectionValidator = vine.create({
  institutionId: vine.number().positive().withoutDecimals(),
  reason: vine.string().trim().minLength(10).maxLength(2000),
})

/** The bureau upholds or dismisses it, always with its reasons. */
export const objectionAnswerValidator = vine.create({
  outcome: vine.enum(['upheld', 'dismissed'] as const),
  answer: vine.string().trim().minLength(4).maxLength(2000),
})
