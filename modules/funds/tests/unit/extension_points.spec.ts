import { test } from '@japa/runner'
import { addWorkingDays, definePlugin } from '#plugin_sdk'
import { testHostFor } from '#plugin_sdk/testing'
import '../../extension_points.js'

/*
| Local release rules from DOMAIN-RULES.md written as a provincial plugin
| would, for one of its cities: Wuhu (Anhui) releases an order's fees 15
| working days after its last class; Zigong (Sichuan) requires 20% of
| prepaid fees to stay as a minimum balance. Other cities get next().
*/
const wuhu = definePlugin({
  id: 'wuhu_example',
  name: { 'zh-CN': '芜湖（示例）', 'en': 'Wuhu (example)' },
  version: '0.1.0',
  platform: '^1.0.0',
  regions: ['340000'],
  rules: {
    'funds.release.schedule': async (input, { region, next }) => {
      if (!region.startsWith('3402')) return next()
      const last = input.order.lastClassDate
      return last && input.today > addWorkingDays(last, 15) ? input.confirmed.map((c) => c.id) : []
    },
  },
})

const zigong = definePlugin({
  id: 'zigong_example',
  name: { 'zh-CN': '自贡（示例）', 'en': 'Zigong (example)' },
  version: '0.1.0',
  platform: '^1.0.0',
  regions: ['510000'],
  rules: {
    'funds.escrow.policy': async (_input, { region, next }) =>
      region.startsWith('5103') ? { heldShareBp: 2_000 } : next(),
  },
})

const confirmed = [
  { id: 7, classNo: 1, heldOn: '2026-03-07', confirmedOn: '2026-03-08', feeFen: 100 },
  { id: 8, classNo: 2, heldOn: '2026-03-14', confirmedOn: '2026-03-15', feeFen: 100 },
]

test.group('Funds extension points', () => {
  test('the national release schedule pays each confirmed class at once', async ({ assert }) => {
    const host = testHostFor(wuhu)
    assert.deepEqual(
      await host.resolve('funds.release.schedule', '130102', {
        today: '2026-03-16',
        order: { id: 1, classCount: 12, lastClassDate: '2026-05-30' },
        confirmed,
      }),
      [7, 8]
    )
  })

  test('a city plugin can hold releases until 15 working days after the last class', async ({
    assert,
  }) => {
    const host = testHostFor(wuhu)
    const input = { order: { id: 1, classCount: 12, lastClassDate: '2026-04-30' }, confirmed }
    assert.deepEqual(
      await host.resolve('funds.release.schedule', '340202', { ...input, today: '2026-05-06' }),
      []
    )
    /* 15 working days after 30 April 2026, skipping the Labour Day holiday (1–5 May) and counting Saturday 9 May. */
    assert.equal(addWorkingDays('2026-04-30', 15), '2026-05-25')
    assert.deepEqual(
      await host.resolve('funds.release.schedule', '340202', { ...input, today: '2026-05-25' }),
      []
    )
    assert.deepEqual(
      await host.resolve('funds.release.schedule', '340202', { ...input, today: '2026-05-26' }),
      [7, 8]
    )
    /* Elsewhere in Anhui, the national default. */
    assert.deepEqual(
      await host.resolve('funds.release.schedule', '340102', { ...input, today: '2026-05-06' }),
      [7, 8]
    )
  })

  test('the held share is all prepaid fees nationally and what a plugin says where it applies', async ({
    assert,
  }) => {
    const host = testHostFor(zigong)
    assert.deepEqual(
      await host.resolve('funds.escrow.policy', '110105', { escrowModel: 'bank_custody' }),
      { heldShareBp: 10_000 }
    )
    assert.deepEqual(
      await host.resolve('funds.escrow.policy', '510302', { escrowModel: 'bank_custody' }),
      { heldShareBp: 2_000 }
    )
    assert.deepEqual(
      await host.resolve('funds.escrow.policy', '510104', { escrowModel: 'bank_custody' }),
      { heldShareBp: 10_000 }
    )
  })

  test('national deadlines: 15 working days to confirm a class, 5 to answer a refund', async ({
    assert,
  }) => {
    const host = testHostFor(zigong)
    assert.deepEqual(await host.resolve('funds.deadlines', '220104', {}), {
      classConfirmWorkingDays: 15,
      refundAnswerWorkingDays: 5,
      unpaidOrderMinutes: 30,
      settlementGraceHours: 48,
    })
  })
})
