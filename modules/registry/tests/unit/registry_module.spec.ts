import { test } from '@japa/runner'
import * as api from '#modules/registry'

test.group('registry module', () => {
  test('its public API loads', ({ assert }) => {
    assert.isObject(api)
  })
})
