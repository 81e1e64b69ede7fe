import { test } from '@japa/runner'
import { INDICATORS, type IndicatorKey, type RiskFacts } from '../../risk/indicators.js'
import { NATIONAL_RISK_THRESHOLDS, levelOf } from '../../risk/thresholds.js'

/*
| Each indicator at, just below and just above each of its national
| thresholds, from facts built the way the owning modules publish them.
*/
function facts(overrides: {
  funds?: Partial<NonNullable<RiskFacts['funds']>>
  complaints?: Partial<NonNullable<RiskFacts['complaints']>>
  registry?: Partial<RiskFacts['registry']>
  capacityFen?: number
}): RiskFacts {
  return {
    registry: {
      institutionId: 1,
      name: '测试培训学校',
      delivery: 'offline',
      regionCode: '220104',
      provinceCode: '220000',
      cityCode: '220100',
      countyCode: '220104',
      overdueFindings: 0,
      findingIds: [],
      licenceValidTo: '2030-01-01',
      licenceDaysLeft: 1000,
      bannedStaff: 0,
      staffIds: [],
      ...overrides.registry,
    },
    funds: {
      institutionId: 1,
      heldFen: 0,
      reportedBalanceFen: null,
      activeOrders: 0,
      salesLast7DaysFen: 0,
      salesPrevious8WeeksFen: 0,
      recentOrderIds: [],
      refundRequests: 0,
      refundIds: [],
      disputedClasses: 0,
      consumptionIds: [],
      openAnomalies: 0,
      anomalyIds: [],
      ...overrides.funds,
    },
    complaints: {
      institutionId: 1,
      complaints: 0,
      complaintIds: [],
      overdueAnswers: 0,
      overdueIds: [],
      ...overrides.complaints,
    },
    capacity:
      overrides.capacityFen === undefined
        ? null
        : {
            institutionId: 1,
            capacityFen: overrides.capacityFen,
            coursesOnSale: 1,
            courseIds: [7],
          },
  }
}

function level(key: IndicatorKey, f: RiskFacts) {
  const indicator = INDICATORS[key]
  const { value } = indicator.measure(f)
  return {
    value,
    level: levelOf(value, indicator.direction, NATIONAL_RISK_THRESHOLDS.indicators[key]),
  }
}

test.group('Risk indicators at, below and above their thresholds', () => {
  test('fund coverage: below 100 % yellow, 80 % orange, 50 % red; at a threshold it does not reach it', ({
    assert,
  }) => {
    const at = (balance: number) =>
      level('fund_coverage', facts({ funds: { heldFen: 100_000, reportedBalanceFen: balance } }))
    assert.deepEqual(at(100_000), { value: 100, level: null })
    assert.deepEqual(at(120_000), { value: 120, level: null })
    assert.deepEqual(at(99_990), { value: 99.99, level: 'yellow' })
    assert.deepEqual(at(80_000), { value: 80, level: 'yellow' })
    assert.deepEqual(at(79_000), { value: 79, level: 'orange' })
    assert.deepEqual(at(50_000), { value: 50, level: 'orange' })
    assert.deepEqual(at(49_000), { value: 49, level: 'red' })
    /* Nothing held, or no balance reported yet: not measurable, never a warning. */
    assert.deepEqual(level('fund_coverage', facts({ funds: { reportedBalanceFen: 5 } })), {
      value: null,
      level: null,
    })
    assert.isNull(level('fund_coverage', facts({ funds: { heldFen: 5 } })).value)
  })

  test('prepaid fees vs capacity: at 100 % yellow, 150 % orange, 200 % red', ({ assert }) => {
    const at = (held: number) =>
      level('prepaid_vs_capacity', facts({ funds: { heldFen: held }, capacityFen: 1_000_000 }))
    assert.deepEqual(at(999_900), { value: 99.99, level: null })
    assert.deepEqual(at(1_000_000), { value: 100, level: 'yellow' })
    assert.deepEqual(at(1_499_900), { value: 149.99, level: 'yellow' })
    assert.deepEqual(at(1_500_000), { value: 150, level: 'orange' })
    assert.deepEqual(at(2_000_000), { value: 200, level: 'red' })
    /* Money held with nothing on sale to teach it. */
    assert.deepEqual(level('prepaid_vs_capacity', facts({ funds: { heldFen: 1 } })), {
      value: 10_000,
      level: 'red',
    })
    const m = INDICATORS.prepaid_vs_capacity.measure(
      facts({ funds: { heldFen: 5 }, capacityFen: 10 })
    )
    assert.deepEqual(m.evidence.courses, [7])
  })

  test('sales spike: last week at 300 % of the weekly average yellow, 500 % orange, 1000 % red', ({
    assert,
  }) => {
    const at = (last7: number) =>
      level(
        'sales_spike',
        facts({
          funds: {
            salesLast7DaysFen: last7,
            salesPrevious8WeeksFen: 80_000,
            recentOrderIds: [3, 2],
          },
        })
      )
    assert.deepEqual(at(29_999), { value: 299.99, level: null })
    assert.deepEqual(at(30_000), { value: 300, level: 'yellow' })
    assert.deepEqual(at(50_000), { value: 500, level: 'orange' })
    assert.deepEqual(at(99_999), { value: 999.99, level: 'orange' })
    assert.deepEqual(at(100_000), { value: 1000, level: 'red' })
    /* A new institution has no weeks before to compare with. */
    assert.isNull(level('sales_spike', facts({ funds: { salesLast7DaysFen: 9 } })).value)
  })

  test('refunds and disputes per 100 active orders: 5, 10, 20; small institutions counted on 20 orders', ({
    assert,
  }) => {
    const at = (refunds: number, disputes: number, activeOrders: number) =>
      level(
        'refund_dispute_rate',
        facts({ funds: { refundRequests: refunds, disputedClasses: disputes, activeOrders } })
      )
    assert.deepEqual(at(4, 0, 100), { value: 4, level: null })
    assert.deepEqual(at(3, 2, 100), { value: 5, level: 'yellow' })
    assert.deepEqual(at(10, 0, 100), { value: 10, level: 'orange' })
    assert.deepEqual(at(19, 2, 100), { value: 21, level: 'red' })
    assert.deepEqual(at(1, 0, 3), { value: 5, level: 'yellow' })
  })

  test('complaints per 100 active orders: 5, 10, 20', ({ assert }) => {
    const at = (complaints: number, activeOrders: number) =>
      level('complaint_rate', facts({ complaints: { complaints }, funds: { activeOrders } }))
    assert.deepEqual(at(4, 100), { value: 4, level: null })
    assert.deepEqual(at(5, 100), { value: 5, level: 'yellow' })
    assert.deepEqual(at(9, 100), { value: 9, level: 'yellow' })
    assert.deepEqual(at(10, 100), { value: 10, level: 'orange' })
    assert.deepEqual(at(20, 100), { value: 20, level: 'red' })
    assert.deepEqual(at(0, 0), { value: 0, level: null })
  })

  test('counts: overdue answers 1/3/5, overdue rectifications 1/2/3, open anomalies 1/2/3, banned staff red at 1', ({
    assert,
  }) => {
    const answers = (n: number) =>
      level('overdue_answers', facts({ complaints: { overdueAnswers: n } })).level
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6].map(answers), [
      null,
      'yellow',
      'yellow',
      'orange',
      'orange',
      'red',
      'red',
    ])
    const findings = (n: number) =>
      level('rectification_overdue', facts({ registry: { overdueFindings: n } })).level
    assert.deepEqual([0, 1, 2, 3, 4].map(findings), [null, 'yellow', 'orange', 'red', 'red'])
    const anomalies = (n: number) =>
      level('open_anomalies', facts({ funds: { openAnomalies: n } })).level
    assert.deepEqual([0, 1, 2, 3].map(anomalies), [null, 'yellow', 'orange', 'red'])
    const staff = (n: number) =>
      level('banned_staff', facts({ registry: { bannedStaff: n } })).level
    assert.deepEqual([0, 1, 2].map(staff), [null, 'red', 'red'])
  })

  test('licence: within 30 days yellow, within 7 orange, expired red', ({ assert }) => {
    const at = (days: number | null) =>
      level('licence_expiring', facts({ registry: { licenceDaysLeft: days } })).level
    assert.deepEqual([31, 30, 8, 7, 1, 0, -5].map(at), [
      null,
      'yellow',
      'yellow',
      'orange',
      'orange',
      'red',
      'red',
    ])
    assert.isNull(at(null))
  })

  test('an indicator switched off never warns', ({ assert }) => {
    const off = { ...NATIONAL_RISK_THRESHOLDS.indicators.banned_staff, on: false }
    assert.isNull(levelOf(3, 'above', off))
  })
})
