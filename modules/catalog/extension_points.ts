/*
| Extension points the catalog offers to provincial plugins.
*/
import { defineExtensionPoint } from '#kernel/plugins/extension_point'
import type { ChargeLimits, ChargeLimitsInput, CourseFacts } from './rules/course_facts.js'
import { nationalCourseRules } from './rules/national.js'
import { exampleCourse } from './rules/example_course.js'

declare module '#plugin_sdk' {
  interface ExtensionPoints {
    /**
     * Checks a course when it is saved and again when it is sold. Every
     * province's rules add up with the national ones.
     *
     * @asked When an institution saves a course or submits it for sale,
     * when a bureau approves it, whenever the course's page is shown to the
     * institution or to a reviewing bureau, and when a parent is shown the
     * contract and again when it is signed.
     * @region The institution's region (its county).
     * @decides A course with any violation is not saved, listed or sold;
     * each violation is shown to the institution beside the field it
     * names, and to the reviewing bureau.
     * @national A sound timetable, the charge caps of
     * `catalog.charge.limits`, no academic or online training for preschool
     * children, admitted and qualified teachers, a category the institution
     * filed.
     */
    'catalog.course.validate': { kind: 'decision'; input: CourseFacts; output: Violation[] }
    /**
     * Caps on one charge: how many class hours, months and fen, and how
     * early fees may be taken.
     *
     * @asked Before every course check (`catalog.course.validate`), with
     * the course's kind and delivery, and when a parent previews a course's
     * contract.
     * @region The institution's region (its county).
     * @decides The caps the course rules hold a course to (they arrive as
     * `chargeLimits` in the course's facts), the date from which a course
     * may be sold, and the limits printed in the contract.
     * @national 60 class hours, 3 months and 5,000 yuan per charge, taken
     * at most 1 month before the course starts; a renewal only when 20 or
     * fewer classes remain (教监管函〔2021〕2号).
     */
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
  example: () => exampleCourse(NATIONAL_CHARGE_LIMITS),
  defaultRule: (facts) => nationalCourseRules(facts),
})

export const chargeLimits = defineExtensionPoint({
  name: 'catalog.charge.limits',
  version: 1,
  kind: 'value',
  description: 'Caps on one charge (class hours, months, amount, how early)',
  example: (): ChargeLimitsInput => ({ kind: 'non_academic', delivery: 'offline' }),
  defaultRule: () => ({ ...NATIONAL_CHARGE_LIMITS }),
})
