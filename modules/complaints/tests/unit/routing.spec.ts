import { test } from '@japa/runner'
import {
  bureauAbove,
  isLeafRegion,
  kindOf,
  responsibleBureau,
  startsWithInstitution,
} from '../../services/routing.js'
import { bureauName } from '../../services/units.js'
import type { InstitutionSummary } from '#modules/registry'

const institution = (over: Partial<InstitutionSummary> = {}): InstitutionSummary => ({
  id: 1,
  name: '某机构',
  creditCode: null,
  delivery: 'offline',
  regionCode: '220104',
  provinceCode: '220000',
  cityCode: '220100',
  countyCode: '220104',
  listStatus: 'white',
  filed: true,
  removed: false,
  categories: [],
  ...over,
})

test.group('Complaint routing', () => {
  test('service and refund complaints about an institution go to its customer service first', ({
    assert,
  }) => {
    assert.isTrue(startsWithInstitution('institution', 'service', institution()))
    assert.isTrue(startsWithInstitution('institution', 'refund', institution()))
    assert.isFalse(startsWithInstitution('institution', 'safety', institution()))
    assert.isFalse(startsWithInstitution('institution', 'unlicensed', institution()))
    assert.isFalse(startsWithInstitution('teacher', 'service', null))
    assert.isFalse(
      startsWithInstitution('institution', 'service', institution({ removed: true })),
      'a removed institution has no customer service to answer'
    )
  })

  test('the responsible bureau is the county, the province for online institutions, the picked county otherwise', ({
    assert,
  }) => {
    assert.equal(responsibleBureau('220102', institution()), '220104')
    assert.equal(
      responsibleBureau(
        '220102',
        institution({ delivery: 'online', regionCode: '220000', countyCode: null, cityCode: null })
      ),
      '220000'
    )
    assert.equal(responsibleBureau('220102', null), '220102')
  })

  test('escalation climbs county → city → province → ministry and stops there', ({ assert }) => {
    assert.equal(bureauAbove('220104'), '220100')
    assert.equal(bureauAbove('220100'), '220000')
    assert.equal(bureauAbove('220000'), '000000')
    assert.isNull(bureauAbove('000000'))
  })

  test('tip-offs are reports of illegal operation; the rest are complaints', ({ assert }) => {
    assert.equal(kindOf('unlicensed'), 'tip_off')
    assert.equal(kindOf('enrolment'), 'tip_off')
    assert.equal(kindOf('refund'), 'complaint')
  })

  test('targets are picked at county level; unknown codes are refused', ({ assert }) => {
    assert.isTrue(isLeafRegion('220104'))
    assert.isFalse(isLeafRegion('220100'))
    assert.isFalse(isLeafRegion('229999'))
    assert.isFalse(isLeafRegion('000000'))
  })

  test('handling units are named as people name them', ({ assert }) => {
    assert.equal(bureauName('220104'), '长春市朝阳区教育局')
    assert.equal(bureauName('220100'), '长春市教育局')
    assert.equal(bureauName('220000'), '吉林省教育厅')
    assert.equal(bureauName('000000'), '教育部')
  })
})
