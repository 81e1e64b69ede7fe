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
  /** A tip-off (举报) for the types unlicensed and enrolment, a complaint (投诉) for the others. */
  kind: 'complaint' | 'tip_off'
  /** The complainant's category: unlicensed, enrolment, refund, service, safety or other. */
  complaintType: string
}

declare module '#plugin_sdk' {
  interface ExtensionPoints {
    /**
     * Deadlines of each step of complaint handling, in working days.
     *
     * @asked Each time a case enters a step with a deadline (filed, passed
     * to the institution or a bureau, accepted, answered, escalated after a
     * missed deadline), and on the sweep every 10 minutes that sends
     * reminders and moves overdue cases on.
     * @region The region of the bureau handling the case at that moment:
     * first the bureau responsible for the target's county, then each
     * bureau above it after an escalation.
     * @decides The due date of the step the case enters, counted in
     * working days on the official calendar, and when its handlers are
     * reminded. A missed due date escalates the case and emits
     * `complaints:overdue`.
     * @national Working days: a bureau accepts in 7 and concludes in 45, a
     * tip-off is checked in 15, an institution answers in 5, reminders 2
     * before, and a reply the complainant leaves unanswered is final after
     * 15 (from the market regulator's complaint rules; no national
     * deadline for education complaints is published).
     */
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
  /* A parent's complaint that an institution has not refunded unused classes. */
  example: (): ComplaintDeadlineInput => ({ kind: 'complaint', complaintType: 'refund' }),
  defaultRule: () => ({ ...NATIONAL_COMPLAINT_DEADLINES }),
})
