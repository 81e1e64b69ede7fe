import vine from '@vinejs/vine'

/* At least 10 characters with letters and digits; no upper bound worth guessing. */
export const newPassword = () =>
  vine
    .string()
    .minLength(10)
    .maxLength(128)
    .regex(/[A-Za-z]/)
    .regex(/\d/)
    .confirmed({ confirmationField: 'passwordConfirmation' })

export const setPasswordValidator = vine.create({
  password: newPassword(),
})

export const changePasswordValidator = vine.create({
  currentPassword: vine.string().minLength(1).maxLength(128),
  password: newPassword(),
})
