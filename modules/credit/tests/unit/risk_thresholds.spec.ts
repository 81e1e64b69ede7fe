import { test } from '@japa/runner'
import { definePlugin } from '#plugin_sdk'
import { testHostFor } from '#plugin_sdk/testing'
import {
  NATIONAL_RISK_THRESHOLDS,
  RiskThresholdError,
  checkThresholds,
} from '../../risk/thresholds.js'

/*
| A province that warns earlier on fund coverage for large institutions and
| switches the licence indicator off, written as its plugin would; and
| plugins whose answers are out of range.
*/
const zhejiang = definePlugin({
  id: 'risk_example',
  name: { 'zh-CN': '示例省', 'en': 'Example province' },
  version: '0.1.0',
  platform: '^1.0.0',
  regions: ['330000'],
  rules: {
    'credit.risk.indicators': async (input, { next }) => {
      const national = await next()
      return {
        ...national,
        urgeBureauAfterWorkingDays: 3,
        indicators: {
          ...national.indicators,
          fund_coverage:
            input.size === 'large'
              ? { on: true, yellow: 110, orange: 100, red: 90 }
              : national.indicators.fund_coverage,
          licence_expiring: { ...national.indicators.licence_expiring, on: false },
        },
      }
    },
  },
})

function broken(id: string, change: (t: typeof NATIONAL_RISK_THRESHOLDS) => unknown) {
  return definePlugin({
    id,
    name: { 'zh-CN': '坏插件', 'en': 'Broken' },
    version: '0.1.0',
    platform: '^1.0.0',
    regions: ['440000'],
    rules: {
      'credit.risk.indicators': async (_input, { next }) =>
        change(structuredClone(await next())) as typeof NATIONAL_RISK_THRESHOLDS,
    },
  })
}

test.group('credit.risk.indicators', () => {
  test('national defaults where no plugin answers', async ({ assert }) => {
    const host = testHostFor(zhejiang)
    const answer = await host.resolve('credit.risk.indicators', '220104', {
      delivery: 'offline',
      size: 'large',
    })
    assert.deepEqual(checkThresholds('220104', answer), { ...NATIONAL_RISK_THRESHOLDS })
  })

  test('a plugin changes thresholds only in its province, and by size', async ({ assert }) => {
    const host = testHostFor(zhejiang)
    const large = checkThresholds(
      '330106',
      await host.resolve('credit.risk.indicators', '330106', { delivery: 'offline', size: 'large' })
    )
    assert.deepEqual(large.indicators.fund_coverage, {
      on: true,
      yellow: 110,
      orange: 100,
      red: 90,
    })
    assert.isFalse(large.indicators.licence_expiring.on)
    assert.equal(large.urgeBureauAfterWorkingDays, 3)
    const small = await host.resolve('credit.risk.indicators', '330106', {
      delivery: 'offline',
      size: 'small',
    })
    assert.deepEqual(
      small.indicators.fund_coverage,
      NATIONAL_RISK_THRESHOLDS.indicators.fund_coverage
    )
    const elsewhere = await host.resolve('credit.risk.indicators', '220104', {
      delivery: 'offline',
      size: 'large',
    })
    assert.deepEqual(elsewhere, { ...NATIONAL_RISK_THRESHOLDS })
  })

  test('an answer out of range fails with a message naming the indicator', async ({ assert }) => {
    const cases: [string, (t: any) => unknown, RegExp][] = [
      [
        'neg',
        (t) => ((t.indicators.complaint_rate.yellow = -1), t),
        /complaint_rate\.yellow is negative/,
      ],
      [
        'order',
        (t) => ((t.indicators.sales_spike.red = 200), t),
        /sales_spike levels out of order \(yellow 300, orange 500, red 200/,
      ],
      [
        'below',
        (t) => ((t.indicators.fund_coverage.red = 90), t),
        /fund_coverage levels out of order/,
      ],
      [
        'nan',
        (t) => ((t.indicators.banned_staff.red = Number.NaN), t),
        /banned_staff\.red is not a number/,
      ],
      ['missing', (t) => (delete t.indicators.open_anomalies, t), /open_anomalies is missing/],
      [
        'unknown',
        (t) => ((t.indicators.weather = t.indicators.banned_staff), t),
        /unknown indicator "weather"/,
      ],
      ['days', (t) => ((t.publicNoticeAfterWorkingDays = 2.5), t), /publicNoticeAfterWorkingDays/],
      [
        'freeze',
        (t) => ((t.freezeSalesAtRed = ['fund_coverage', 'weather']), t),
        /freezeSalesAtRed names an unknown indicator "weather"/,
      ],
      ['freeze_list', (t) => (delete t.freezeSalesAtRed, t), /freezeSalesAtRed must be a list/],
    ]
    for (const [id, change, message] of cases) {
      const host = testHostFor(broken(`risk_broken_${id}`, change))
      const answer = await host.resolve('credit.risk.indicators', '440106', {
        delivery: 'online',
        size: 'small',
      })
      assert.throws(() => checkThresholds('440106', answer), RiskThresholdError)
      assert.throws(() => checkThresholds('440106', answer), message)
    }
  })
})
