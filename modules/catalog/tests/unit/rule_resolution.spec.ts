import { test } from '@japa/runner'
import { toRegionCode } from '#kernel/shared/region_code'
import { chargeLimits, validateCourse } from '../../extension_points.js'
import { facts, rulesOf } from './facts.js'
import { countyWithoutPlugin } from '#tests/helpers/province_without_plugin'

/* The platform as configured: national rules everywhere, Jilin's plugin in Jilin. */
/* A county of a province no installed plugin governs: enabling a new province's plugin picks another. */
const elsewhere = toRegionCode(countyWithoutPlugin())
const onlineLive45 = facts({
  delivery: 'online',
  live: true,
  minutesPerClass: 45,
  weekly: [{ weekday: 2, start: '19:00' }],
  institution: { delivery: 'online', categories: ['arts'] },
})

test.group('Course rules by region', () => {
  test('a Jilin institution’s online course is held to Jilin’s rules and the national ones', async ({
    assert,
  }) => {
    assert.deepEqual(rulesOf(await validateCourse.resolve(toRegionCode('220104'), onlineLive45)), [
      'jilin.class_minutes',
    ])
    assert.deepEqual(
      rulesOf(
        await validateCourse.resolve(toRegionCode('220104'), { ...onlineLive45, teachers: [] })
      ).sort(),
      ['jilin.class_minutes', 'national.teacher_required']
    )
  })

  test('the same course in a province without a plugin is held to the national rules only', async ({
    assert,
  }) => {
    assert.deepEqual(rulesOf(await validateCourse.resolve(elsewhere, onlineLive45)), [])
    assert.deepEqual(
      rulesOf(await validateCourse.resolve(elsewhere, { ...onlineLive45, teachers: [] })),
      ['national.teacher_required']
    )
  })

  test('charge limits default to the national numbers in every province', async ({ assert }) => {
    for (const region of ['220104', elsewhere]) {
      assert.deepEqual(
        await chargeLimits.resolve(toRegionCode(region), { kind: 'academic', delivery: 'offline' }),
        {
          maxClasses: 60,
          maxMonths: 3,
          maxFen: 500_000,
          maxMonthsAhead: 1,
          renewWhenClassesLeft: 20,
        }
      )
    }
  })
})
