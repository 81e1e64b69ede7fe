import { test } from '@japa/runner'
import * as api from '#modules/students'

test.group('students module', () => {
  test('its public API loads', ({ assert }) => {
    assert.typeOf(api, 'module')
  })
})
