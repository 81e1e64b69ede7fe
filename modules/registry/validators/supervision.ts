import vine from '@vinejs/vine'

export const supervisingBankValidator = vine.create({
  name: vine.string().trim().minLength(4).maxLength(128),
  regionCode: vine
    .string()
    .trim()
    .regex(/^\d{6}$/),
})

export const creditCodeContestValidator = vine.create({
  creditCode: vine.string().trim().toUpperCase().fixedLength(18),
  claimantUnit: vine.string().trim().minLength(2).maxLength(128),
  statement: vine.string().trim().minLength(10).maxLength(1000),
})

export const contestDecisionValidator = vine.create({
  comment: vine.string().trim().maxLength(1000).optional(),
})
