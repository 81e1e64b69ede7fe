import { test } from '@japa/runner'
import * as api from '#modules/statistics'
import { COUNTERS } from '../../services/counters.js'

test.group('statistics module', () => {
  test('its public API loads', ({ assert }) => {
    assert.typeOf(api, 'module')
  })

  test('it sums the counters of registry, funds and complaints, each once', ({ assert }) => {
    assert.sameMembers(
      COUNTERS.map((c) => c.module),
      ['registry', 'funds', 'complaints']
    )
  })
})
