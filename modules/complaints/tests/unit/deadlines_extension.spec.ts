import { test } from '@japa/runner'
import { definePlugin } from '#plugin_sdk'
import { testHostFor } from '#plugin_sdk/testing'
import { NATIONAL_COMPLAINT_DEADLINES } from '../../extension_points.js'

/*
| A province that wants its institutions to answer within 3 working days
| and its bureaus to check tip-offs within 10, written as its plugin would.
*/
const example = definePlugin({
  id: 'complaints_example',
  name: { 'zh-CN': '示例省', 'en': 'Example province' },
  version: '0.1.0',
  platform: '^1.0.0',
  regions: ['440000'],
  rules: {
    'complaints.deadlines': async (input, { next }) => {
      const national = await next()
      return {
        ...national,
        institutionWorkingDays: 3,
        tipOffWorkingDays: input.kind === 'tip_off' ? 10 : national.tipOffWorkingDays,
      }
    },
  },
})

test.group('Complaint deadlines extension point', () => {
  test('national defaults: accept in 7, conclude in 45, tip-offs in 15, institutions answer in 5 working days', async ({
    assert,
  }) => {
    const host = testHostFor(example)
    const d = await host.resolve('complaints.deadlines', '220104', {
      kind: 'complaint',
      complaintType: 'service',
    })
    assert.deepEqual(d, { ...NATIONAL_COMPLAINT_DEADLINES })
    assert.deepInclude(d, {
      acceptWorkingDays: 7,
      concludeWorkingDays: 45,
      tipOffWorkingDays: 15,
      institutionWorkingDays: 5,
    })
  })

  test('a province plugin changes its own deadlines and nobody else’s', async ({ assert }) => {
    const host = testHostFor(example)
    assert.deepInclude(
      await host.resolve('complaints.deadlines', '440106', {
        kind: 'tip_off',
        complaintType: 'unlicensed',
      }),
      { institutionWorkingDays: 3, tipOffWorkingDays: 10, acceptWorkingDays: 7 }
    )
    assert.deepInclude(
      await host.resolve('complaints.deadlines', '130102', {
        kind: 'tip_off',
        complaintType: 'unlicensed',
      }),
      { institutionWorkingDays: 5, tipOffWorkingDays: 15 }
    )
  })
})
