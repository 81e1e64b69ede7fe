import { test } from '@japa/runner'
import { regionTree } from '../../services/region_tree.js'

test.group('Region tree (GB/T 2260)', () => {
  test('holds the whole national division tree without stand-ins or development zones', ({
    assert,
  }) => {
    const byLevel = [0, 1, 2, 3].map(
      (level) => regionTree.all().filter((r) => r.level === level).length
    )
    assert.deepEqual(byLevel.slice(0, 3), [1, 31, 333])
    /* 2,844 county-level units at the end of 2022; the pinned list (mid-2023) holds 2,850. */
    assert.closeTo(byLevel[3]!, 2850, 10)
    assert.isFalse(regionTree.has('110100'), '市辖区 stand-in dropped')
    assert.isFalse(regionTree.has('220171'), 'development zone dropped')
  })

  test('districts of municipalities hang directly under the province', ({ assert }) => {
    assert.equal(regionTree.get('110105')!.parentCode, '110000')
    assert.isNull(regionTree.get('110105')!.cityCode)
    assert.equal(regionTree.get('429004')!.parentCode, '420000', '仙桃 is under Hubei directly')
  })

  test('ancestors, descendants and "is A within B"', ({ assert }) => {
    assert.deepEqual(
      regionTree.ancestors('220104').map((r) => r.code),
      ['000000', '220000', '220100', '220104']
    )
    assert.equal(regionTree.fullName('220104'), '吉林省 / 长春市 / 朝阳区')
    const jilin = regionTree.descendants('220000')
    assert.isTrue(jilin.some((r) => r.code === '220104'))
    assert.isFalse(jilin.some((r) => r.code === '130102'))
    assert.isTrue(regionTree.isWithin('220104', '220104'))
    assert.isTrue(regionTree.isWithin('220104', '220100'))
    assert.isTrue(regionTree.isWithin('220104', '220000'))
    assert.isTrue(regionTree.isWithin('220104', '000000'))
    assert.isFalse(regionTree.isWithin('220100', '220104'), 'a city is not within its county')
    assert.isFalse(regionTree.isWithin('130102', '220000'))
    assert.isFalse(regionTree.isWithin('999999', '000000'), 'unknown codes are nowhere')
  })

  test('the regions table mirrors the tree', async ({ assert }) => {
    const db = (await import('@adonisjs/lucid/services/db')).default
    const [{ count }] = await db.from('regions').count('* as count')
    assert.equal(Number(count), regionTree.all().length)
  })
})
