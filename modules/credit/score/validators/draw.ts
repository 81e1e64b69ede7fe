import vine from '@vinejs/vine'

export const drawValidator = vine.create({
  regionCode: vine
    .string()
    .trim()
    .regex(/^\d{6}$/),
  sampleSize: vine.number().positive().withoutDecimals().max(500),
})
