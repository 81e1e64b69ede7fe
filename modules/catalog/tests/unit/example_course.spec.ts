import { test } from '@japa/runner'
import { NATIONAL_CHARGE_LIMITS } from '../../extension_points.js'
import { exampleCourse } from '../../rules/example_course.js'
import { nationalCourseRules } from '../../rules/national.js'

test.group('Catalog: the example course of the plugin test kit', () => {
  test('meets every national rule, so a plugin test sees only its own rule fire', ({ assert }) => {
    const course = exampleCourse(NATIONAL_CHARGE_LIMITS)
    assert.deepEqual(nationalCourseRules(course), [])
    assert.lengthOf(course.classes, 13)
    assert.equal(course.slots[0]!.end, '10:30')
  })
})
