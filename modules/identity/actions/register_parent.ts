import hash from '@adonisjs/core/services/hash'
import { DateTime } from 'luxon'
import { DomainError } from '#kernel/exceptions/domain_error'
import { phoneIndex, sealPhone } from '#kernel/shared/personal_data'
import User from '../models/user.js'
import { CurrentUser } from '../services/current_user.js'
import { type RequestMeta, recordAudit } from '../services/audit_log.js'
import { CheckVerificationCode } from './check_verification_code.js'
import { isUniqueViolation } from '#kernel/shared/db_errors'

export interface RegisterParentInput {
  /** Parents and institution owners sign up themselves; everyone else gets an account from a bureau. */
  role?: 'parent' | 'institution_owner'
  phone: string
  code: string
  displayName: string
  password: string
  meta: RequestMeta
}

/** A parent (or an institution's owner) signs up with their own mobile number, proven by a texted code. */
export class RegisterParent {
  async handle(input: RegisterParentInput): Promise<CurrentUser> {
    /* The code first: only someone holding the phone learns that it is already registered. */
    await new CheckVerificationCode().handle(input.phone, 'register', input.code)
    if (await User.findBy('phoneIndex', phoneIndex(input.phone))) {
      throw new DomainError('identity.register.phone_taken', {}, { field: 'phone' })
    }

    const phone = sealPhone(input.phone)
    let user: User
    try {
      user = await User.create({
        role: input.role ?? 'parent',
        displayName: input.displayName.trim(),
        phoneCipher: phone.cipher,
        phoneIndex: phone.index,
        phoneMasked: phone.masked,
        password: await hash.make(input.password),
        passwordSetAt: DateTime.now(),
        status: 'active',
      })
    } catch (error) {
      /* Two sign-ups with the same number racing: the unique index decides. */
      if (isUniqueViolation(error)) {
        throw new DomainError('identity.register.phone_taken', {}, { field: 'phone' })
      }
      throw error
    }
    const current = new CurrentUser(user)
    await recordAudit({
      action: 'account.registered',
      actor: current,
      subjectType: 'user',
      subjectId: user.id,
      meta: input.meta,
    })
    return current
  }
}
