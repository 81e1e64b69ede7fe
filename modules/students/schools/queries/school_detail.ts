import type { DateTime } from 'luxon'
import { type SchoolSummary, summarize } from './school_summaries.js'
import School from '../models/school.js'

export interface SchoolDetail extends SchoolSummary {
  address: string | null
  closedAt: DateTime | null
}

/** One school for the register's own pages (the policy decides who may see it). */
export async function schoolDetail(id: unknown): Promise<SchoolDetail | null> {
  const numeric = Number(id)
  if (!Number.isSafeInteger(numeric) || numeric <= 0) return null
  const row = await School.find(numeric)
  return row ? { ...summarize(row), address: row.address, closedAt: row.closedAt } : null
}
