import vine from '@vinejs/vine'
import { newPassword } from './password.js'

export const mobilePhone = () =>
  vine
    .string()
    .trim()
    .regex(/^(\+?86)?[\s-]*1[3-9](?:[\s-]*\d){9}$/)
    .transform((value) => value.replace(/[\s-]/g, '').replace(/^\+?86/, ''))

export const requestCodeValidator = vine.create({
  phone: mobilePhone(),
})

export const registerValidator = vine.create({
  displayName: vine.string().trim().minLength(2).maxLength(32),
  code: vine
    .string()
    .trim()
    .regex(/^\d{6}$/),
  password: newPassword(),
})
