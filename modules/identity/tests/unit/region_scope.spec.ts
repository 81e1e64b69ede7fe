import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { applyRegionScope, inScope, lineageOf } from '../../services/region_scope.js'

const sqlFor = (scope: string | null) => applyRegionScope(db.from('t'), scope).toSQL().toNative()

test.group('Region scope helper', () => {
  test('one indexed equality per level, nothing for the country', ({ assert }) => {
    assert.deepInclude(sqlFor('220000'), {
      sql: 'select * from "t" where "province_code" = $1',
      bindings: ['220000'],
    })
    assert.deepInclude(sqlFor('220100'), {
      sql: 'select * from "t" where "city_code" = $1',
      bindings: ['220100'],
    })
    assert.deepInclude(sqlFor('220104'), {
      sql: 'select * from "t" where "county_code" = $1',
      bindings: ['220104'],
    })
    assert.equal(sqlFor('000000').sql, 'select * from "t"')
  })

  test('an unknown or missing scope matches nothing', ({ assert }) => {
    assert.equal(sqlFor('999999').sql, 'select * from "t" where false')
    assert.equal(sqlFor(null).sql, 'select * from "t" where false')
  })

  test('lineage and record checks', ({ assert }) => {
    assert.deepEqual(lineageOf('220104'), {
      regionCode: '220104',
      provinceCode: '220000',
      cityCode: '220100',
      countyCode: '220104',
    })
    assert.deepEqual(lineageOf('110105'), {
      regionCode: '110105',
      provinceCode: '110000',
      cityCode: null,
      countyCode: '110105',
    })
    assert.isTrue(inScope('220104', '220000'))
    assert.isFalse(inScope('130102', '220000'))
    assert.isFalse(inScope(null, '000000'))
    assert.throws(() => lineageOf('123456'), /Unknown region/)
  })
})
