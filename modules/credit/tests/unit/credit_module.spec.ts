import { test } from '@japa/runner'
import * as api from '#modules/credit'

test.group('credit module', () => {
  test('its public API loads', ({ assert }) => {
    assert.typeOf(api, 'module')
  })
})
