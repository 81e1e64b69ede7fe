import { test } from '@japa/runner'
import { canManageAccount, creatableKinds } from '../../services/account_rules.js'
import type { CurrentUser } from '../../services/current_user.js'

const admin = (adminLevel: any, regionCode: string, id = 1) =>
  ({ id, role: 'admin', adminLevel, regionCode }) as CurrentUser
const kinds = (user: CurrentUser) =>
  creatableKinds(user).map((k) => `${k.role}:${k.adminLevel ?? ''}:${k.regions.length}`)

test.group('Who may open which accounts', () => {
  test('each bureau opens accounts for the level directly below', ({ assert }) => {
    assert.deepEqual(kinds(admin('ministry', '000000')), ['admin:province:31'])
    const jilin = creatableKinds(admin('province', '220000'))
    assert.equal(jilin[0]!.adminLevel, 'city')
    assert.equal(jilin[0]!.regions.length, 9, 'Jilin has nine prefecture-level units')
    assert.isTrue(jilin.some((k) => k.role === 'bank_operator'))
    /* Beijing's districts have no city above them: the province opens county accounts. */
    assert.deepEqual(creatableKinds(admin('province', '110000'))[0]!.adminLevel, 'county')
    assert.deepEqual(kinds(admin('county', '220104')), [
      'admin:subunit:1',
      'school_operator::1',
      'bank_operator::1',
    ])
  })

  test('sub-units, schools, banks and parents open nothing', ({ assert }) => {
    assert.deepEqual(creatableKinds(admin('subunit', '220104')), [])
    assert.deepEqual(
      creatableKinds({
        id: 2,
        role: 'school_operator',
        adminLevel: null,
        regionCode: '220104',
      } as CurrentUser),
      []
    )
    assert.deepEqual(
      creatableKinds({ id: 3, role: 'parent', adminLevel: null, regionCode: null } as CurrentUser),
      []
    )
  })

  test('an admin manages accounts below it in its own region only', ({ assert }) => {
    const account = (adminLevel: any, regionCode: string, role = 'admin') =>
      ({ id: 99, role, adminLevel, regionCode }) as any
    const jilin = admin('province', '220000')
    assert.isTrue(canManageAccount(jilin, account('city', '220100')))
    assert.isTrue(canManageAccount(jilin, account('county', '220104')))
    assert.isTrue(canManageAccount(jilin, account(null, '220104', 'school_operator')))
    assert.isFalse(canManageAccount(jilin, account('province', '220000')), 'not a peer')
    assert.isFalse(canManageAccount(jilin, account('city', '130100')), 'not another province')
    assert.isFalse(
      canManageAccount(jilin, {
        id: 1,
        role: 'admin',
        adminLevel: 'city',
        regionCode: '220100',
      } as any),
      'not itself'
    )
    assert.isFalse(
      canManageAccount(jilin, account(null, '220104', 'parent')),
      'parents manage themselves'
    )
    const county = admin('county', '220104')
    assert.isTrue(canManageAccount(county, account('subunit', '220104')))
    assert.isFalse(canManageAccount(county, account('subunit', '220102')))
    assert.isFalse(canManageAccount(admin('subunit', '220104'), account('subunit', '220104')))
  })
})
