import vine from '@vinejs/vine'

/* A bureau's lift: what it checked and why the warning no longer stands. */
export const liftValidator = vine.create({
  note: vine.string().trim().minLength(4).maxLength(500),
})

/* The institution's explanation and what it does about the warning. */
export const answerValidator = vine.create({
  answer: vine.string().trim().minLength(4).maxLength(2000),
})
