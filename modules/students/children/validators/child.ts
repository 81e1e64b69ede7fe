import vine from '@vinejs/vine'
import { GRADES } from '#kernel/shared/school_grades'
import { RELATIONS } from '../models/child_guardian.js'

/*
| A child's profile as the form posts it. The ID's check digit, birth
| date, school and grade-for-age rules are the action's (profile_rules.ts),
| so a form and any other caller meet the same checks with the same words.
| `school` is a school id of the register, or `other` with `schoolName`.
*/
const name = () => vine.string().trim().minLength(2).maxLength(64)
const idNumber = () => vine.string().trim().toUpperCase().maxLength(18)

const profileFields = {
  name: name(),
  birthDate: vine
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  countyCode: vine
    .string()
    .trim()
    .regex(/^\d{6}$/),
  school: vine
    .string()
    .trim()
    .regex(/^(\d{1,12}|other)$/),
  schoolName: vine.string().trim().maxLength(100).optional(),
  grade: vine.enum(GRADES),
  relation: vine.enum(RELATIONS),
}

export const childValidator = vine.create({ ...profileFields, idNumber: idNumber() })

/* Editing: an empty ID number keeps the one on file. */
export const childUpdateValidator = vine.create({
  ...profileFields,
  idNumber: idNumber().optional(),
})

export const acceptInvitationValidator = vine.create({
  code: vine.string().trim().toUpperCase().minLength(12).maxLength(20),
  relation: vine.enum(RELATIONS),
})

export const countyPickValidator = vine.create({
  province: vine
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  city: vine
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  county: vine
    .string()
    .regex(/^\d{6}$/)
    .optional(),
})
