import { schoolSummary, type SchoolSummary } from './school_summaries.js'

/** The school a school operator acts for (null for any other account, or one not yet attached). */
export async function schoolOfOperator(user: {
  role: string
  orgType: string | null
  orgId: number | null
}): Promise<SchoolSummary | null> {
  if (user.role !== 'school_operator' || user.orgType !== 'school' || !user.orgId) return null
  return schoolSummary(user.orgId)
}
