import { test } from '@japa/runner'
import { truncateAll } from '#tests/helpers/database'
import { createTestAccount, type TestAccountInput } from '../../testing.js'

const ROLES: {
  name: string
  spec: TestAccountInput
  home: string
  terminal: string
  menu?: string
}[] = [
  { name: 'parent', spec: { role: 'parent' }, home: '/parent', terminal: '家长端' },
  {
    name: 'institution owner',
    spec: { role: 'institution_owner', regionCode: '220104' },
    home: '/institution',
    terminal: '机构端',
  },
  {
    name: 'institution staff',
    spec: { role: 'institution_staff', regionCode: '220104' },
    home: '/institution',
    terminal: '机构端',
  },
  {
    name: 'bank operator',
    spec: { role: 'bank_operator', regionCode: '220100' },
    home: '/bank',
    terminal: '银行端',
  },
  {
    name: 'school operator',
    spec: { role: 'school_operator', regionCode: '220104' },
    home: '/manage',
    terminal: '管理端',
  },
  {
    name: 'county sub-unit',
    spec: { role: 'admin', adminLevel: 'subunit', regionCode: '220104' },
    home: '/manage',
    terminal: '管理端',
  },
  {
    name: 'county admin',
    spec: { role: 'admin', adminLevel: 'county', regionCode: '220104' },
    home: '/manage',
    terminal: '管理端',
    menu: '下级账号管理',
  },
  {
    name: 'city admin',
    spec: { role: 'admin', adminLevel: 'city', regionCode: '220100' },
    home: '/manage',
    terminal: '管理端',
    menu: '下级账号管理',
  },
  {
    name: 'province admin',
    spec: { role: 'admin', adminLevel: 'province', regionCode: '220000' },
    home: '/manage',
    terminal: '管理端',
    menu: '下级账号管理',
  },
  {
    name: 'ministry admin',
    spec: { role: 'admin', adminLevel: 'ministry', regionCode: '000000' },
    home: '/manage',
    terminal: '管理端',
    menu: '操作日志',
  },
]

test.group('Browser: sign-in', (group) => {
  group.each.setup(() => truncateAll())
  group.each.teardown(() => truncateAll())

  test('a {name} signs in and lands on their terminal')
    .with(ROLES)
    .run(async ({ visit }, role) => {
      const account = await createTestAccount({ ...role.spec, displayName: '测试人员' })
      const page = await visit('/login')
      await page.getByLabel('手机号或用户名').fill(account.signIn)
      await page.getByLabel('密码').fill(account.password!)
      await page.getByRole('button', { name: '登录' }).click()
      await page.assertPath(role.home)
      await page.assertTextContains('.brand__terminal', role.terminal)
      await page.assertTextContains('h1', '测试人员，您好')
      if (role.menu) await page.assertTextContains('[data-testid="terminal-tiles"]', role.menu)
      else await page.assertNotExists('text=下级账号管理')
    })

  test('a wrong password is explained and the typed name stays', async ({ visit }) => {
    const account = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
      username: 'browser_wrong',
    })
    const page = await visit('/login')
    await page.getByLabel('手机号或用户名').fill(account.signIn)
    await page.getByLabel('密码').fill('not the password 1')
    await page.getByRole('button', { name: '登录' }).click()
    await page.assertPath('/login')
    await page.assertTextContains('.alert--error', '手机号/用户名或密码不正确')
    await page.assertInputValue('#field-identifier', 'browser_wrong')
    await page.assertInputValue('#field-password', '')
  })

  test('signing out returns to the website', async ({ visit, browserContext }) => {
    const account = await createTestAccount({ role: 'parent' })
    await browserContext.loginAs(account.user)
    const page = await visit('/parent')
    await page.getByTestId('sign-out').click()
    await page.assertPath('/')
    await page.assertTextContains('.alert--success', '您已安全退出')
  })
})
