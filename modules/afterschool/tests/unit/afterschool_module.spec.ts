import { test } from '@japa/runner'
import * as api from '#modules/afterschool'

test.group('afterschool module', () => {
  test('its public API loads', ({ assert }) => {
    assert.typeOf(api, 'module')
  })
})
