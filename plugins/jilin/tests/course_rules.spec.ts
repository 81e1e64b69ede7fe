import { test } from '@japa/runner'
import type { PointInput } from '#plugin_sdk'
import { inputFor, testHostFor } from '#plugin_sdk/testing'
import jilin from '../plugin.js'

type CourseFacts = PointInput<'catalog.course.validate'>

const slot = (weekday: number, start: string, minutes: number) => {
  const [h, m] = start.split(':').map(Number)
  const startMinute = h! * 60 + m!
  const endMinute = startMinute + minutes
  const end = `${String(Math.floor(endMinute / 60)).padStart(2, '0')}:${String(endMinute % 60).padStart(2, '0')}`
  return { weekday, start, end, startMinute, endMinute }
}

/** An online live English course for grades 3–4, two 40-minute evening classes a week: compliant everywhere. */
function course(
  overrides: Partial<CourseFacts> & { times?: [number, string][] } = {}
): CourseFacts {
  const { times, ...rest } = overrides
  const minutes = rest.minutesPerClass ?? 40
  return {
    kind: 'academic',
    subject: 'english',
    category: null,
    grades: ['p3', 'p4'],
    stages: ['primary'],
    delivery: 'online',
    live: true,
    startDate: '2027-03-01',
    endDate: '2027-05-31',
    minutesPerClass: minutes,
    slots: (
      times ?? [
        [2, '19:00'],
        [4, '19:00'],
      ]
    ).map(([d, t]) => slot(d, t, minutes)),
    classes: [],
    pricePerClassFen: 1800,
    classesPerCharge: 20,
    capacity: 30,
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
    institution: { delivery: 'online', categories: ['academic'] },
    chargeLimits: {
      maxClasses: 60,
      maxMonths: 3,
      maxFen: 500_000,
      maxMonthsAhead: 1,
      renewWhenClassesLeft: 20,
    },
    ...rest,
  }
}

const host = testHostFor(jilin)
const JILIN = '220104'
const HEBEI = '130102'
const jilinRules = async (facts: CourseFacts, region = JILIN) =>
  (await host.resolve('catalog.course.validate', region, facts))
    .map((v) => v.rule)
    .filter((r) => r.startsWith('jilin.'))

test.group('Jilin plugin: online course rules (吉教联〔2019〕75号 二（二）1②③)', () => {
  test('a compliant online course breaks no Jilin rule', async ({ assert }) => {
    assert.deepEqual(await jilinRules(course()), [])
  })

  test('a class lasts at most 40 minutes', async ({ assert }) => {
    assert.deepEqual(await jilinRules(course({ minutesPerClass: 45 })), ['jilin.class_minutes'])
    assert.deepEqual(await jilinRules(course({ minutesPerClass: 40 })), [])
  })

  test('the kit’s example course, taught online in 45-minute classes, breaks it (README)', async ({
    assert,
  }) => {
    const online = inputFor('catalog.course.validate', { delivery: 'online', minutesPerClass: 45 })
    assert.include(
      (await host.resolve('catalog.course.validate', JILIN, online)).map((v) => v.rule),
      'jilin.class_minutes'
    )
  })

  test('the province may change the longest class in its settings', async ({ assert }) => {
    const revised = testHostFor(jilin, { settings: { jilin: { maxClassMinutes: 45 } } })
    const rules = async (facts: CourseFacts) =>
      (await revised.resolve('catalog.course.validate', JILIN, facts)).map((v) => v.rule)
    assert.notInclude(await rules(course({ minutesPerClass: 45 })), 'jilin.class_minutes')
    const [late] = (
      await revised.resolve('catalog.course.validate', JILIN, course({ minutesPerClass: 50 }))
    ).filter((v) => v.rule === 'jilin.class_minutes')
    assert.include(String((late!.message as { 'zh-CN': string })['zh-CN']), '超过 45 分钟')
  })

  test('switched off in Jilin, the national rules alone hold there', async ({ assert }) => {
    const off = testHostFor(jilin, { switchedOff: ['jilin'] })
    const rules = (
      await off.resolve('catalog.course.validate', JILIN, course({ minutesPerClass: 45 }))
    ).map((v) => v.rule)
    assert.isFalse(rules.some((r) => r.startsWith('jilin.')))
  })

  test('a setting outside its range is refused, even in a test', async ({ assert }) => {
    const wrong = testHostFor(jilin, { settings: { jilin: { maxClassMinutes: 90 } } })
    await assert.rejects(
      () => wrong.resolve('catalog.course.validate', JILIN, course()),
      /maxClassMinutes/
    )
  })

  test('at least 10 minutes between classes on the same day', async ({ assert }) => {
    assert.deepEqual(
      await jilinRules(
        course({
          times: [
            [6, '09:00'],
            [6, '09:45'],
          ],
        })
      ),
      ['jilin.class_gap']
    )
    assert.deepEqual(
      await jilinRules(
        course({
          times: [
            [6, '09:00'],
            [6, '09:50'],
          ],
        })
      ),
      []
    )
  })

  test('live classes for compulsory-education pupils end by 21:00', async ({ assert }) => {
    assert.deepEqual(await jilinRules(course({ times: [[6, '20:30']] })), ['jilin.live_end_time'])
    assert.deepEqual(await jilinRules(course({ times: [[6, '20:20']] })), [])
    /* Recorded lessons and senior-secondary pupils are not held to it. */
    assert.deepEqual(await jilinRules(course({ times: [[6, '20:30']], live: false })), [])
    assert.deepEqual(
      await jilinRules(course({ times: [[6, '20:30']], grades: ['s1'], stages: ['senior'] })),
      []
    )
  })

  test('live classes for compulsory-education pupils do not clash with school hours', async ({
    assert,
  }) => {
    assert.deepEqual(await jilinRules(course({ times: [[3, '15:00']] })), ['jilin.school_hours'])
    assert.deepEqual(await jilinRules(course({ times: [[3, '16:30']] })), [])
    assert.deepEqual(await jilinRules(course({ times: [[6, '10:00']] })), [])
  })

  test('no homework for grades 1–2', async ({ assert }) => {
    assert.deepEqual(await jilinRules(course({ homework: true, grades: ['p1', 'p2'] })), [
      'jilin.no_homework_grades_1_2',
    ])
    assert.deepEqual(await jilinRules(course({ homework: true, grades: ['p3'] })), [])
  })

  test('teachers’ name, photo and certificate must be there to show on the course page', async ({
    assert,
  }) => {
    const noPhoto = {
      id: 2,
      name: '王老师',
      admitted: true,
      certificateNumber: '20232200000002',
      hasPhoto: false,
    }
    const noCertificate = {
      id: 3,
      name: '赵老师',
      admitted: true,
      certificateNumber: null,
      hasPhoto: true,
    }
    const found = await host.resolve(
      'catalog.course.validate',
      JILIN,
      course({ teachers: [noPhoto, noCertificate] })
    )
    const disclosure = found.filter((v) => v.rule === 'jilin.teacher_disclosure')
    assert.lengthOf(disclosure, 2)
    assert.include(String((disclosure[0]!.message as any)['zh-CN']), '照片')
    assert.include(String((disclosure[1]!.message as any)['zh-CN']), '教师资格证')
  })

  test('every violation says which rule, from which authority, and how to fix it', async ({
    assert,
  }) => {
    const found = await host.resolve(
      'catalog.course.validate',
      JILIN,
      course({ minutesPerClass: 60, homework: true, grades: ['p1'], times: [[3, '15:00']] })
    )
    const jilinFound = found.filter((v) => v.rule.startsWith('jilin.'))
    assert.isAbove(jilinFound.length, 2)
    for (const v of jilinFound) {
      assert.include((v.authority as any)['zh-CN'], '吉教联〔2019〕75号')
      assert.isNotEmpty((v.fix as any)['zh-CN'])
      assert.isString(v.field)
    }
  })

  test('the same course is held to them in Jilin, not in Hebei', async ({ assert }) => {
    const breaking = course({
      minutesPerClass: 45,
      homework: true,
      grades: ['p1', 'p2'],
      times: [
        [3, '15:00'],
        [3, '15:50'],
      ],
    })
    assert.sameMembers(await jilinRules(breaking, JILIN), [
      'jilin.class_minutes',
      'jilin.class_gap',
      'jilin.school_hours',
      'jilin.school_hours',
      'jilin.no_homework_grades_1_2',
    ])
    assert.deepEqual(await jilinRules(breaking, HEBEI), [])
  })

  test('the notice governs online training: an offline course in Jilin keeps the national rules only', async ({
    assert,
  }) => {
    const offline = course({
      delivery: 'offline',
      live: false,
      minutesPerClass: 90,
      institution: { delivery: 'offline', categories: ['academic'] },
    })
    assert.deepEqual(await jilinRules(offline), [])
  })
})
