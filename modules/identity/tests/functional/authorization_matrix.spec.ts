import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'
import testUtils from '@adonisjs/core/services/test_utils'
import { createTestAccount, type TestAccountInput } from '../../testing.js'

/*
| Every management route, every role, and admins outside the target's
| region. The table must list every route under /manage and every terminal
| home: adding a route without deciding who may use it fails this test.
*/
type Outcome = 'ok' | 'login' | 'forbidden' | 'not_found'

const ACTORS: Record<string, TestAccountInput | null> = {
  guest: null,
  parent: { role: 'parent' },
  institution_owner: { role: 'institution_owner', regionCode: '220104' },
  institution_staff: { role: 'institution_staff', regionCode: '220104' },
  bank_operator: { role: 'bank_operator', regionCode: '220100' },
  school_operator: { role: 'school_operator', regionCode: '220104' },
  subunit: { role: 'admin', adminLevel: 'subunit', regionCode: '220104' },
  county_in_scope: { role: 'admin', adminLevel: 'county', regionCode: '220104' },
  county_other: { role: 'admin', adminLevel: 'county', regionCode: '220102' },
  city_in_scope: { role: 'admin', adminLevel: 'city', regionCode: '220100' },
  province_in_scope: { role: 'admin', adminLevel: 'province', regionCode: '220000' },
  province_other: { role: 'admin', adminLevel: 'province', regionCode: '130000' },
  ministry: { role: 'admin', adminLevel: 'ministry', regionCode: '000000' },
}

const MANAGERS = ['county_in_scope', 'county_other', 'city_in_scope', 'province_in_scope', 'province_other', 'ministry']
const MANAGEMENT_TERMINAL = [...MANAGERS, 'subunit', 'school_operator']

function expected(access: string, actor: string): Outcome {
  if (actor === 'guest') return 'login'
  switch (access) {
    case 'parent':
      return actor === 'parent' ? 'ok' : 'forbidden'
    case 'institution':
      return actor.startsWith('institution_') ? 'ok' : 'forbidden'
    case 'bank':
      return actor === 'bank_operator' ? 'ok' : 'forbidden'
    case 'management':
      return MANAGEMENT_TERMINAL.includes(actor) ? 'ok' : 'forbidden'
    case 'managers':
      return MANAGERS.includes(actor) ? 'ok' : 'forbidden'
    case 'account_record':
      if (!MANAGEMENT_TERMINAL.includes(actor)) return 'forbidden'
      if (!MANAGERS.includes(actor)) return 'forbidden'
      return actor.endsWith('_other') ? 'not_found' : 'ok'
  }
  throw new Error(`unknown access class ${access}`)
}

/* method + pattern -> access class (and form fields for writes) */
const ROUTES: Record<string, { access: string; form?: Record<string, string> }> = {
  'GET /parent': { access: 'parent' },
  'GET /institution': { access: 'institution' },
  'GET /bank': { access: 'bank' },
  'GET /manage': { access: 'management' },
  'GET /manage/accounts': { access: 'managers' },
  'GET /manage/accounts/create': { access: 'managers' },
  'POST /manage/accounts': { access: 'managers', form: { kind: 'admin:subunit', regionCode: '220104', unitName: '测试办', displayName: '测试', phone: '13700000000' } },
  'GET /manage/accounts/:id': { access: 'account_record' },
  'POST /manage/accounts/:id/phone': { access: 'account_record' },
  'POST /manage/accounts/:id/disable': { access: 'account_record', form: { reason: '矩阵测试停用' } },
  'POST /manage/accounts/:id/enable': { access: 'account_record' },
  'POST /manage/accounts/:id/reset': { access: 'account_record' },
  'GET /manage/audit': { access: 'managers' },
}

function outcomeOf(status: number, location: string | undefined): Outcome {
  if (status === 403) return 'forbidden'
  if (status === 404) return 'not_found'
  if (status === 302 && location?.startsWith('/login')) return 'login'
  if (status < 400) return 'ok'
  throw new Error(`unexpected status ${status}`)
}

test.group('Authorization matrix: role and region scope on every management route', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the table covers every management route and terminal home', ({ assert }) => {
    const registered = Object.values(router.toJSON())
      .flat()
      .flatMap((route) => route.methods.filter((m) => m !== 'HEAD').map((m) => `${m} ${route.pattern}`))
      .filter((key) => / \/(manage|parent|institution|bank)(\/|$)/.test(key))
    assert.sameMembers(registered, Object.keys(ROUTES))
  })

  test('{route} answers each role as the table says')
    .with(Object.keys(ROUTES).map((route) => ({ route })))
    .run(async ({ client, assert }, { route }) => {
      const [method, pattern] = route.split(' ')
      const { access, form } = ROUTES[route]
      const failures: string[] = []
      for (const [actorName, spec] of Object.entries(ACTORS)) {
        const actor = spec ? await createTestAccount(spec) : null
        const target = await createTestAccount({ role: 'admin', adminLevel: 'subunit', regionCode: '220104', password: null })
        let request = method === 'GET' ? client.get(pattern.replace(':id', String(target.id))) : client.post(pattern.replace(':id', String(target.id)))
        if (form) {
          const fields: Record<string, string> = { ...form }
          if (fields.phone) fields.phone = `137${String(target.id).padStart(8, '0')}`
          request = request.form(fields as never)
        }
        if (actor) request = request.loginAs(actor.user)
        if (method !== 'GET') request = request.withCsrfToken()
        const response = await request.redirects(0)
        const csrfRefused = !!(response.flashMessage('errorsBag') as Record<string, string> | undefined)?.E_BAD_CSRF_TOKEN
        const got = csrfRefused ? 'csrf refused' : outcomeOf(response.status(), response.header('location'))
        const want = expected(access, actorName)
        if (got !== want) failures.push(`${actorName}: expected ${want}, got ${got} (${response.status()} ${response.header('location') ?? ''})`)
      }
      assert.deepEqual(failures, [], `${route}\n${failures.join('\n')}`)
    })
})
