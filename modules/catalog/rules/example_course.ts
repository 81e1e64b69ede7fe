import { classMeetings, slotWindows } from '../course/schedule.js'
import type { ChargeLimits, CourseFacts } from './course_facts.js'

/**
 * A course that meets every national rule: a Saturday-morning children's
 * art course of 60-minute classes from March to May 2027, 10 classes a
 * charge at 80 yuan, taught by one admitted and certified teacher. The
 * plugin test kit's `inputFor('catalog.course.validate', changes)` starts
 * from it, so a test changes only the facts its rule is about. The caps
 * are given (the national ones, by the point), since the point's file
 * imports this one.
 */
export function exampleCourse(chargeLimits: ChargeLimits): CourseFacts {
  const minutesPerClass = 60
  const slots = slotWindows([{ weekday: 6, start: '09:30' }], minutesPerClass)
  return {
    kind: 'non_academic',
    subject: null,
    category: 'arts',
    grades: ['p3', 'p4'],
    stages: ['primary'],
    delivery: 'offline',
    live: false,
    startDate: '2027-03-06',
    endDate: '2027-05-29',
    minutesPerClass,
    slots,
    classes: classMeetings('2027-03-06', '2027-05-29', slots),
    pricePerClassFen: 8000,
    classesPerCharge: 10,
    capacity: 20,
    homework: false,
    teachers: [
      {
        id: 1,
        name: '李老师',
        admitted: true,
        certificateNumber: '20232200000001',
        hasPhoto: true,
      },
    ],
    institution: { delivery: 'offline', categories: ['arts'] },
    chargeLimits: { ...chargeLimits },
  }
}
