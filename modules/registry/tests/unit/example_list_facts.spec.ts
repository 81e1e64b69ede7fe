import { test } from '@japa/runner'
import { exampleListFacts } from '../../services/example_list_facts.js'
import { classifyByNationalRules } from '../../services/list_rules.js'

test.group('Registry: the example list facts of the plugin test kit', () => {
  test('are grey nationally, rectifying one finding before its deadline', ({ assert }) => {
    const facts = exampleListFacts()
    assert.deepEqual(classifyByNationalRules(facts), {
      status: 'grey',
      reasons: [{ code: 'rectifying', data: { item: 'fees', deadline: '2027-04-15' } }],
    })
  })

  test('go black once today passes the deadline', ({ assert }) => {
    const facts = { ...exampleListFacts(), today: '2027-04-16' }
    assert.equal(classifyByNationalRules(facts).status, 'black')
  })
})
