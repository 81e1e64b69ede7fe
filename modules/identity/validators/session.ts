import vine from '@vinejs/vine'

export const signInValidator = vine.create({
  identifier: vine.string().trim().minLength(2).maxLength(64),
  password: vine.string().minLength(1).maxLength(128),
  next: vine.string().trim().maxLength(512).optional(),
})
