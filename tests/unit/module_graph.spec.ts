import { test } from '@japa/runner'
import { orderModules } from '../../app/module_graph.js'

const m = (name: string, dependsOn: string[] = []) => ({ name, description: '', dependsOn })

test.group('Module graph', () => {
  test('orders modules after their dependencies', ({ assert }) => {
    const order = orderModules([
      m('funds', ['catalog']),
      m('catalog', ['registry']),
      m('registry', ['identity']),
      m('identity'),
    ])
    assert.deepEqual(
      order.map((x) => x.name),
      ['identity', 'registry', 'catalog', 'funds']
    )
  })

  test('refuses cycles and unknown dependencies', ({ assert }) => {
    assert.throws(() => orderModules([m('a', ['b']), m('b', ['a'])]), /cycle: a -> b -> a/)
    assert.throws(() => orderModules([m('a', ['ghost'])]), /unknown module "ghost"/)
  })
})
