import { test } from '@japa/runner'
import { nationalCourseRules } from '../../rules/national.js'
import { TEACHER, facts, rulesOf } from './facts.js'

const rules = (input: Parameters<typeof facts>[0] = {}) =>
  rulesOf(nationalCourseRules(facts(input)))

test.group('National course rules', () => {
  test('a compliant course breaks none', ({ assert }) => {
    assert.deepEqual(rules(), [])
  })

  test('every violation names its rule, its authority and a fix', ({ assert }) => {
    const found = nationalCourseRules(
      facts({
        classesPerCharge: 80,
        pricePerClassFen: 100_00,
        endDate: '2027-12-31',
        grades: ['k2'],
        kind: 'academic',
        subject: 'maths',
        teachers: [],
      })
    )
    assert.isAtLeast(found.length, 3)
    for (const v of found) {
      assert.match(v.rule, /^national\./)
      assert.isNotEmpty(typeof v.authority === 'string' ? v.authority : v.authority['zh-CN'])
      assert.isNotEmpty(typeof v.message === 'string' ? v.message : v.message['zh-CN'])
      assert.isNotEmpty(typeof v.fix === 'string' ? v.fix : v.fix['zh-CN'])
    }
  })

  test('timetable: overlapping slots, classes past midnight, no class between the dates', ({
    assert,
  }) => {
    assert.include(
      rules({
        weekly: [
          { weekday: 6, start: '09:00' },
          { weekday: 6, start: '09:30' },
        ],
      }),
      'national.schedule_overlap'
    )
    assert.include(
      rules({ weekly: [{ weekday: 6, start: '23:30' }] }),
      'national.schedule_past_midnight'
    )
    /* A Wednesday class in a course that runs Saturday to Sunday. */
    assert.include(
      rules({
        weekly: [{ weekday: 3, start: '18:00' }],
        startDate: '2027-03-06',
        endDate: '2027-03-07',
      }),
      'national.schedule_no_classes'
    )
    assert.notInclude(
      rules({
        weekly: [
          { weekday: 6, start: '09:00' },
          { weekday: 6, start: '10:00' },
        ],
      }),
      'national.schedule_overlap'
    )
  })

  test('one charge covers at most 60 class hours', ({ assert }) => {
    const long = {
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '18:00' })),
      startDate: '2027-03-01',
      endDate: '2027-06-30',
      pricePerClassFen: 50_00,
    }
    assert.include(rules({ ...long, classesPerCharge: 61 }), 'national.charge_max_classes')
    assert.notInclude(rules({ ...long, classesPerCharge: 60 }), 'national.charge_max_classes')
    /* Asking for more than the course has is one charge for the whole course. */
    assert.notInclude(rules({ classesPerCharge: 100 }), 'national.charge_max_classes')
  })

  test('one charge covers at most 3 months: the shorter of the two limits wins', ({ assert }) => {
    /* Weekly classes: 20 classes span 19 weeks, more than 3 months although fewer than 60 hours. */
    const weekly = { startDate: '2027-03-06', endDate: '2027-12-31', pricePerClassFen: 50_00 }
    assert.include(rules({ ...weekly, classesPerCharge: 20 }), 'national.charge_max_months')
    assert.notInclude(rules({ ...weekly, classesPerCharge: 13 }), 'national.charge_max_months')
  })

  test('one charge takes at most 5,000 yuan', ({ assert }) => {
    assert.include(
      rules({ pricePerClassFen: 500_001, classesPerCharge: 1 }),
      'national.charge_max_amount'
    )
    assert.include(
      rules({ pricePerClassFen: 420_00, classesPerCharge: 12 }),
      'national.charge_max_amount'
    )
    assert.notInclude(
      rules({ pricePerClassFen: 416_66, classesPerCharge: 12 }),
      'national.charge_max_amount'
    )
  })

  test('a province’s own charge limits are used when it sets them', ({ assert }) => {
    const strict = {
      maxClasses: 60,
      maxMonths: 3,
      maxFen: 200_000,
      maxMonthsAhead: 1,
      renewWhenClassesLeft: 20,
    }
    assert.include(
      rules({ pricePerClassFen: 200_00, classesPerCharge: 12, chargeLimits: strict }),
      'national.charge_max_amount'
    )
  })

  test('no academic and no online training for preschool children', ({ assert }) => {
    assert.include(
      rules({ grades: ['k3'], kind: 'academic', subject: 'english', category: null }),
      'national.preschool_academic'
    )
    assert.include(
      rules({
        grades: ['k3'],
        delivery: 'online',
        institution: { delivery: 'online', categories: ['arts'] },
      }),
      'national.preschool_online'
    )
    assert.deepEqual(rules({ grades: ['k3'] }), [])
  })

  test('teachers: at least one, admitted, and qualified for academic courses', ({ assert }) => {
    assert.include(rules({ teachers: [] }), 'national.teacher_required')
    assert.include(
      rules({ teachers: [{ ...TEACHER, admitted: false }] }),
      'national.teacher_not_admitted'
    )
    const unqualified = { ...TEACHER, certificateNumber: null }
    assert.include(
      rules({ kind: 'academic', subject: 'maths', category: null, teachers: [unqualified] }),
      'national.teacher_qualification'
    )
    assert.notInclude(rules({ teachers: [unqualified] }), 'national.teacher_qualification')
  })

  test('the course must lie within what the institution filed', ({ assert }) => {
    assert.include(rules({ category: 'sports' }), 'national.outside_filing')
    assert.include(
      rules({
        kind: 'academic',
        subject: 'maths',
        category: null,
        institution: { delivery: 'offline', categories: ['arts'] },
      }),
      'national.outside_filing'
    )
    assert.include(
      rules({ delivery: 'online', institution: { delivery: 'offline', categories: ['arts'] } }),
      'national.online_needs_online_filing'
    )
  })
})
