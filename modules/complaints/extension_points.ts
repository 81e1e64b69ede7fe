/*
| Extension points the complaints module offers to provincial plugins.
| No national complaint deadline is published; the defaults come from the
| market regulator's complaint rules (see ../shared/DOMAIN-RULES.md).
*/
import { defineExtensionPoint } from '#kernel/plugins/extension_point'

export interface ComplaintDeadlines {
  /** A bureau decides whether to accept a complaint within this many working days (7). */
  acceptWorkingDays: number
  /** An accepted complaint is concluded within this many working days (45). */
  concludeWorkingDays: number
  /** A tip-off (举报) is checked within this many working days (15). */
  tipOffWorkingDays: number
  /** An institution's customer service gives its first response within this many working days (5). */
  institutionWorkingDays: number
  /** Handlers are reminded this many working days before a deadline (2). */
  remindWorkingDaysBefore: number
  /** A reply the complainant neither accepts nor contests is final after this many working days (15). */
  answerWorkingDays: number
}

export interface ComplaintDeadlineInput {
  kind: 'complaint' | 'tip_off'
  complaintType: string
}

declare module '#plugin_sdk' {
  interface ExtensionPoints {
    /** Deadlines of each step of complaint handling, in working days. */
    'complaints.deadlines': {
      kind: 'value'
      input: ComplaintDeadlineInput
      output: ComplaintDeadlines
    }
  }
}

export const NATIONAL_COMPLAINT_DEADLINES: ComplaintDeadlines = Object.freeze({
  acceptWorkingDays: 7,
  concludeWorkingDays: 45,
  tipOffWorkingDays: 15,
  institutionWorkingDays: 5,
  remindWorkingDaysBefore: 2,
  answerWorkingDays: 15,
})

export const complaintDeadlines = defineExtensionPoint({
  name: 'complaints.deadlines',
  version: 1,
  kind: 'value',
  description:
    'Working-day deadlines for accepting, concluding and answering complaints and tip-offs',
  defaultRule: () => ({ ...NATIONAL_COMPLAINT_DEADLINES }),
})
