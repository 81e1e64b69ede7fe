import {
  type CurrentUser,
  type OrganizationAccount,
  type RequestMeta,
  OpenOrganizationAccount,
} from '#modules/identity'
import type { SchoolSummary } from '../queries/school_summaries.js'

/**
 * The county opens an operator account for a school of its register
 * (identity's path for organisations: no password, a one-time link by
 * text, audited). The account acts for the school and belongs to its region.
 */
export class OpenSchoolOperator {
  handle(
    actor: CurrentUser,
    school: SchoolSummary,
    input: { displayName: string; phone: string },
    meta: RequestMeta
  ): Promise<OrganizationAccount> {
    return new OpenOrganizationAccount().handle(
      actor,
      {
        organization: { type: 'school', id: school.id },
        regionCode: school.regionCode,
        unitName: school.name,
        displayName: input.displayName,
        phone: input.phone,
      },
      meta
    )
  }
}
