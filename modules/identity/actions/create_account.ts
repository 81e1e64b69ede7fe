import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/exceptions/domain_error'
import { phoneIndex, sealPhone } from '#kernel/shared/personal_data'
import User from '../models/user.js'
import type { CurrentUser } from '../services/current_user.js'
import { findKind } from '../services/account_rules.js'
import { lineageOf } from '../services/region_scope.js'
import { type RequestMeta, recordAudit } from '../services/audit_log.js'
import { IssuePasswordLink } from './issue_password_link.js'
import { isUniqueViolation } from '#kernel/shared/db_errors'

export interface CreateAccountInput {
  role: string
  adminLevel?: string | null
  regionCode: string
  unitName: string
  displayName: string
  phone: string
  username?: string | null
  /** The school or bank the new operator account acts for (the module that owns it checks it). */
  organization?: { type: 'school' | 'bank'; id: number }
}

const ORG_OF_ROLE: Record<string, 'school' | 'bank' | undefined> = {
  school_operator: 'school',
  bank_operator: 'bank',
}

/**
 * An admin opens an account for the level below (or a sub-unit, school or
 * bank). The account starts without a password; its holder gets a
 * one-time link by text message.
 */
export class CreateAccount {
  async handle(actor: CurrentUser, input: CreateAccountInput, meta: RequestMeta): Promise<User> {
    const kind = findKind(actor, input.role, input.adminLevel)
    if (!kind)
      throw new DomainError(
        'identity.accounts.kind_not_allowed',
        {},
        { status: 403, field: 'kind' }
      )
    if (!kind.regions.some((r) => r.code === input.regionCode)) {
      throw new DomainError('identity.accounts.region_not_allowed', {}, { field: 'regionCode' })
    }
    if (input.organization && ORG_OF_ROLE[kind.role] !== input.organization.type)
      throw new Error(`A ${kind.role} account cannot act for a ${input.organization.type}`)
    if (await User.findBy('phoneIndex', phoneIndex(input.phone))) {
      throw new DomainError('identity.accounts.phone_taken', {}, { field: 'phone' })
    }
    const username = input.username?.trim().toLowerCase() || null
    if (username && (await User.findBy('username', username))) {
      throw new DomainError('identity.accounts.username_taken', {}, { field: 'username' })
    }

    const phone = sealPhone(input.phone)
    const lineage = lineageOf(input.regionCode)
    const user = await db.transaction(async (trx) => {
      try {
        return await User.create(
          {
            role: kind.role,
            adminLevel: kind.adminLevel,
            regionCode: lineage.regionCode,
            provinceCode: lineage.provinceCode,
            cityCode: lineage.cityCode,
            countyCode: lineage.countyCode,
            unitName: input.unitName.trim(),
            displayName: input.displayName.trim(),
            username,
            phoneCipher: phone.cipher,
            phoneIndex: phone.index,
            phoneMasked: phone.masked,
            status: 'pending',
            orgType: input.organization?.type ?? null,
            orgId: input.organization?.id ?? null,
            createdById: actor.id,
          },
          { client: trx }
        )
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new DomainError('identity.accounts.phone_taken', {}, { field: 'phone' })
        }
        throw error
      }
    })

    await new IssuePasswordLink().handle(user, actor.id, 'new_account')
    await recordAudit({
      action: 'account.created',
      actor,
      subjectType: 'user',
      subjectId: user.id,
      regionCode: user.regionCode,
      summary: `${kind.role}${kind.adminLevel ? `/${kind.adminLevel}` : ''} ${user.unitName ?? ''} ${user.displayName}`,
      meta,
    })
    return user
  }
}
