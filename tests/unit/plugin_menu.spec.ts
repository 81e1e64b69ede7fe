import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { PluginDefinition } from '#plugin_sdk'
import { defaultState, pluginHost } from '#kernel/plugins/plugin_host'
import { registerPluginMenus } from '#kernel/plugins/menu'
import { createTestAccount } from '#testing/identity'

/*
| A plugin's `menu` item in the management terminal, as the page renders
| it: in the header menu and on the home tiles of bureau staff in the
| plugin's provinces while it is switched on there, and for no one else.
| The item is registered for the rest of the process (navigation has no
| unregister), so the fixture's switch is turned off when the group ends.
*/
const HREF = '/manage/reports/plugins/menu_fixture/overdue'
const fixture = {
  id: 'menu_fixture',
  name: '测试省规则',
  version: '1.0.0',
  platform: '^1.0.0',
  regions: ['130000'],
  menu: [
    {
      terminal: 'management',
      label: { 'zh-CN': '测试省超期投诉', 'en': 'Overdue complaints (test province)' },
      hint: '本省超期投诉统计',
      href: HREF,
    },
  ],
} as PluginDefinition

let switchedOn = true
const host = pluginHost.withPlugins([fixture], {
  stateOf: async (plugin) => ({ ...defaultState(plugin), enabled: switchedOn }),
})

/** Where the item shows on /manage: [in the header menu, on the home tiles]. */
async function shownOnHome(client: any, user: unknown): Promise<[boolean, boolean]> {
  const response = await client.get('/manage').loginAs(user).redirects(0)
  response.assertStatus(200)
  const [menu, tiles = ''] = response.text().split('data-testid="terminal-tiles"')
  const link = `href="${HREF}"`
  return [menu.includes(link), tiles.includes(link)]
}

test.group('Plugin menu items in the management terminal', (group) => {
  group.setup(async () => {
    registerPluginMenus([fixture], host)
    const stopServer = await testUtils.httpServer().start()
    return async () => {
      switchedOn = false
      await stopServer()
    }
  })
  group.each.setup(() => {
    switchedOn = true
  })

  test("bureau staff of the plugin's province see it in the menu and on the home tiles", async ({
    client,
    assert,
  }) => {
    for (const [level, regionCode] of [
      ['province', '130000'],
      ['county', '130102'],
    ] as const) {
      const admin = await createTestAccount({ role: 'admin', adminLevel: level, regionCode })
      assert.deepEqual(await shownOnHome(client, admin.user), [true, true], level)
    }
    const home = await client
      .get('/manage')
      .loginAs((await createTestAccount({ role: 'admin', regionCode: '130102' })).user)
    assert.include(home.text(), '测试省超期投诉')
    assert.include(home.text(), '本省超期投诉统计')
  })

  test('a bureau of another province does not see it', async ({ client, assert }) => {
    const jilin = await createTestAccount({ role: 'admin', regionCode: '220104' })
    assert.deepEqual(await shownOnHome(client, jilin.user), [false, false])
  })

  test('a management-terminal user who is not bureau staff does not see it, even in the province', async ({
    client,
    assert,
  }) => {
    const school = await createTestAccount({
      role: 'school_operator',
      regionCode: '130102',
      unitName: '石家庄市长安区第一小学',
    })
    assert.deepEqual(await shownOnHome(client, school.user), [false, false])
  })

  test('switched off in the province, it is gone for its bureaus too', async ({
    client,
    assert,
  }) => {
    const admin = await createTestAccount({ role: 'admin', regionCode: '130102' })
    assert.deepEqual(await shownOnHome(client, admin.user), [true, true])
    switchedOn = false
    assert.deepEqual(await shownOnHome(client, admin.user), [false, false])
  })
})
