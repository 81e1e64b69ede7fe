import { test } from '@japa/runner'
import * as api from '#modules/messages'

test.group('messages module', () => {
  test('its public API loads', ({ assert }) => {
    assert.typeOf(api, 'module')
  })
})
