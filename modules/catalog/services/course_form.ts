/*
| Between the course form and a CourseDraft: yuan in, fen stored; empty
| timetable rows ignored; online courses take the platform as their venue.
*/
import type { Infer } from '@vinejs/vine/types'
import { localIsoDate } from '#kernel/shared/dates'
import { formatYuan } from '#kernel/shared/money'
import { type ContractParty, type TeacherFacts, contractParty, teachersOf } from '#modules/registry'
import type Course from '../models/course.js'
import { type CourseDraft, draftOf } from '../course/draft.js'
import type { courseValidator } from '../validators/catalog.js'

export type CourseInput = Infer<typeof courseValidator>

/** Drops timetable rows the person left blank, so they do not fail validation. */
export function withoutBlankSlots(body: Record<string, any>): Record<string, any> {
  const slots = Array.isArray(body.slots)
    ? body.slots
    : body.slots && typeof body.slots === 'object'
      ? Object.values(body.slots)
      : []
  return {
    ...body,
    slots: slots.filter(
      (s: any) => s && (String(s.weekday ?? '').trim() || String(s.start ?? '').trim())
    ),
  }
}

export function draftFromInput(input: CourseInput, party: ContractParty | null): CourseDraft {
  const online = input.delivery === 'online'
  return {
    name: input.name,
    kind: input.kind,
    subject: input.subject ?? null,
    category: input.category ?? null,
    grades: [...input.grades],
    delivery: input.delivery,
    live: online && !!input.live,
    venue: online
      ? input.venue || party?.platformName || party?.website || null
      : (input.venue ?? null),
    teacherIds: input.teacherIds.map(Number),
    teachingMode: input.teachingMode,
    capacity: input.capacity,
    minClassSize: input.minClassSize,
    namedTeacher: !!input.namedTeacher,
    startDate: localIsoDate(input.startDate),
    endDate: localIsoDate(input.endDate),
    slots: input.slots.map((s) => ({ weekday: s.weekday, start: s.start })),
    minutesPerClass: input.minutesPerClass,
    pricePerClassFen: Math.round(input.pricePerClass * 100),
    classesPerCharge: input.classesPerCharge,
    homework: !!input.homework,
    payAfterClass: !!input.payAfterClass,
    refundWithinDays: input.refundWithinDays,
    disputeResolution: input.disputeResolution,
    arbitrationBody: input.arbitrationBody ?? null,
    description: input.description,
  }
}

/** The values the form shows: what was typed (after a refused save), else the course, else sensible defaults. */
export function formValues(
  course: Course | null,
  old: Record<string, any> | null
): Record<string, any> {
  if (old && old._form === 'course') {
    return {
      ...old,
      grades: old.grades ?? [],
      teacherIds: (old.teacherIds ?? []).map(Number),
      slots: withoutBlankSlots(old).slots,
    }
  }
  if (!course) {
    return {
      kind: 'non_academic',
      delivery: 'offline',
      grades: [],
      teacherIds: [],
      slots: [],
      teachingMode: 'small_class',
      capacity: 20,
      minClassSize: 1,
      classesPerCharge: 20,
      minutesPerClass: 60,
      refundWithinDays: 7,
      disputeResolution: 'court',
    }
  }
  return {
    ...draftOf(course),
    pricePerClass: formatYuan(course.pricePerClassFen).replace(/,/g, ''),
  }
}

export interface FormOptions {
  party: ContractParty | null
  teachers: TeacherFacts[]
}

export async function formOptions(institutionId: number): Promise<FormOptions> {
  const [party, teachers] = [await contractParty(institutionId), await teachersOf(institutionId)]
  return { party, teachers: teachers.filter((t) => t.admitted) }
}
