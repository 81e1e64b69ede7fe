import { test } from '@japa/runner'
import * as api from '#modules/complaints'

test.group('complaints module', () => {
  test('its public API loads', ({ assert }) => {
    assert.typeOf(api, 'module')
  })
})
