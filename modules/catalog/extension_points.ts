/*
| Extension points the catalog offers to provincial plugins.
*/
import { defineExtensionPoint } from '#kernel/plugins/extension_point'
import type { ChargeLimits, ChargeLimitsInput, CourseFacts } from './rules/course_facts.js'
import { nationalCourseRules } from './rules/national.js'

declare module '#plugin_sdk' {
  interface ExtensionPoints {
    /**
     * Checks a course when it is saved and again when it is sold. National
     * default: a sound timetable, the charge caps, no academic or online
     * training for preschool children, admitted and qualified teachers, a
     * category the institution filed. Every province's rules add up.
     */
    'catalog.course.validate': { kind: 'decision'; input: CourseFacts; output: Violation[] }
    /** Caps on one charge: 60 class hours, 3 months, 5,000 yuan, taken at most 1 month ahead; renewals only when 20 or fewer classes remain. */
    'catalog.charge.limits': { kind: 'value'; input: ChargeLimitsInput; output: ChargeLimits }
  }
}

export const NATIONAL_CHARGE_LIMITS: ChargeLimits = Object.freeze({
  maxClasses: 60,
  maxMonths: 3,
  maxFen: 500_000,
  maxMonthsAhead: 1,
  renewWhenClassesLeft: 20,
})

export const validateCourse = defineExtensionPoint({
  name: 'catalog.course.validate',
  version: 1,
  kind: 'decision',
  description: 'Rules a course must meet to be saved and sold',
  defaultRule: (facts) => nationalCourseRules(facts),
})

export const chargeLimits = defineExtensionPoint({
  name: 'catalog.charge.limits',
  version: 1,
  kind: 'value',
  description: 'Caps on one charge (class hours, months, amount, how early)',
  defaultRule: () => ({ ...NATIONAL_CHARGE_LIMITS }),
})
