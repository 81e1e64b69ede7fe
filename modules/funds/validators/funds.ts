import vine from '@vinejs/vine'

export const refundValidator = vine.create({
  classes: vine.number().withoutDecimals().min(1).max(1000),
  reason: vine.string().trim().minLength(2).maxLength(500),
})

export const disputeValidator = vine.create({
  reason: vine.string().trim().minLength(2).maxLength(500),
})

export const refundDecisionValidator = vine.create({
  decision: vine.enum(['approve', 'decline']),
  reason: vine.string().trim().maxLength(500).optional().requiredWhen('decision', '=', 'decline'),
})

export const attendanceValidator = vine.create({
  course: vine.number().withoutDecimals().positive(),
  classNo: vine.number().withoutDecimals().min(1).max(1000),
  heldOn: vine.date({ formats: ['YYYY-MM-DD'] }),
  contracts: vine
    .array(vine.number().withoutDecimals().positive())
    .minLength(1)
    .maxLength(500)
    .distinct(),
})

export const bureauRefundValidator = vine.create({
  reason: vine.string().trim().minLength(4).maxLength(500),
})

export const closeAnomalyValidator = vine.create({
  note: vine.string().trim().minLength(2).maxLength(500),
})
