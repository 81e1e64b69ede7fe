/* Factories and helpers other modules' tests may use (`#testing/complaints`). */
import { FileComplaint, type FileComplaintInput } from './actions/file_complaint.js'
import { ApplyComplaintDeadlines } from './actions/apply_deadlines.js'
import Complaint from './models/complaint.js'

/** Files a complaint through the real action (routing, deadlines, trail), with sensible defaults. */
export async function fileTestComplaint(overrides: Partial<FileComplaintInput> = {}) {
  return new FileComplaint().handle({
    channel: 'parent',
    authorUserId: null,
    name: '王丽',
    phone: '13800138000',
    targetType: 'other',
    complaintType: 'other',
    targetRegionCode: '220104',
    institutionId: null,
    targetName: '某培训点',
    content: '周末在小区内开班，没有任何证照，收费后不开发票。',
    orderId: null,
    attachments: [],
    ...overrides,
  })
}

/** The case as stored now (ids from a test's earlier steps). */
export async function complaintState(id: number) {
  const c = await Complaint.findOrFail(id)
  await c.load('steps', (q) => q.orderBy('id'))
  return {
    status: c.status,
    stage: c.stage,
    handler: c.handlerRegionCode,
    timely: c.timely,
    dueOn: c.dueOn?.toISODate() ?? null,
    outcome: c.outcome,
    steps: c.steps.map((s) => s.action),
    number: c.number,
  }
}

/** Runs the deadline sweep as the job does, on a given Beijing date (ISO), for journeys that let a deadline pass. */
export function runComplaintDeadlines(today?: string) {
  return new ApplyComplaintDeadlines().handle(today)
}
