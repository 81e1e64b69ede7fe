import { test } from '@japa/runner'
import { classifyByNationalRules, type ListFacts } from '../../services/list_rules.js'

const base: ListFacts = {
  today: '2026-11-23',
  filingApproved: true,
  removed: false,
  qualificationType: 'offline_licence',
  licenceValidTo: '2028-01-01',
  openFindings: [],
  bannedStaffHired: 0,
}
const classify = (facts: Partial<ListFacts>) => classifyByNationalRules({ ...base, ...facts })
const codes = (facts: Partial<ListFacts>) => classify(facts).reasons.map((r) => r.code)

test.group('National list classification (Yunnan criteria)', () => {
  test('white: filed, licensed, nothing open', ({ assert }) => {
    assert.equal(classify({}).status, 'white')
  })

  test('grey: rectifying within the deadline', ({ assert }) => {
    const result = classify({
      openFindings: [{ item: 'fees', severity: 'minor', deadline: '2026-12-31' }],
    })
    assert.equal(result.status, 'grey')
    assert.deepEqual(result.reasons, [
      { code: 'rectifying', data: { item: 'fees', deadline: '2026-12-31' } },
    ])
  })

  test('black: a missed deadline, even for a minor finding', ({ assert }) => {
    const result = classify({
      openFindings: [{ item: 'fees', severity: 'minor', deadline: '2026-11-22' }],
    })
    assert.equal(result.status, 'black')
    assert.deepEqual(
      codes({ openFindings: [{ item: 'fees', severity: 'minor', deadline: '2026-11-22' }] }),
      ['deadline_missed']
    )
  })

  test('the deadline day itself is still within the deadline', ({ assert }) => {
    assert.equal(
      classify({ openFindings: [{ item: 'fees', severity: 'minor', deadline: '2026-11-23' }] })
        .status,
      'grey'
    )
  })

  test('black at once: serious hazards, licence misuse, unapproved materials, banned staff, no licence', ({
    assert,
  }) => {
    for (const item of [
      'safety_hazard',
      'licence_misuse',
      'unapproved_materials',
      'banned_staff',
    ]) {
      assert.equal(
        classify({ openFindings: [{ item, severity: 'serious', deadline: '2027-01-01' }] }).status,
        'black',
        item
      )
      assert.equal(
        classify({ openFindings: [{ item, severity: 'minor', deadline: '2027-01-01' }] }).status,
        'grey',
        `${item} minor`
      )
    }
    assert.equal(
      classify({
        openFindings: [{ item: 'unlicensed', severity: 'minor', deadline: '2027-01-01' }],
      }).status,
      'black'
    )
    assert.deepEqual(codes({ bannedStaffHired: 2 }), ['banned_staff'])
    assert.deepEqual(codes({ qualificationType: 'unlicensed' }), ['unlicensed'])
    assert.deepEqual(codes({ licenceValidTo: '2026-11-22' }), ['licence_expired'])
  })

  test('an unfiled institution is not listed, unless found operating without a licence', ({
    assert,
  }) => {
    assert.equal(classify({ filingApproved: false }).status, 'none')
    assert.equal(
      classify({
        filingApproved: false,
        openFindings: [{ item: 'unlicensed', severity: 'serious', deadline: '2027-01-01' }],
      }).status,
      'black'
    )
  })

  test('all reasons are kept, without duplicates', ({ assert }) => {
    const result = classify({
      bannedStaffHired: 1,
      openFindings: [
        { item: 'fees', severity: 'minor', deadline: '2026-01-01' },
        { item: 'advertising', severity: 'minor', deadline: '2026-01-01' },
      ],
    })
    assert.deepEqual(
      result.reasons.map((r) => r.code),
      ['deadline_missed', 'banned_staff']
    )
  })
})
