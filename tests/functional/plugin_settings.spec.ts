import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { pluginHost } from '#kernel/plugins/plugin_host'
import { DatabaseStateStore, pluginStates } from '#kernel/plugins/state_store'
import env from '#start/env'
import { reportsFor } from '#kernel/plugins/reports'
import { savePluginState } from '#kernel/plugins/plugin_admin'
import { toRegionCode } from '#kernel/shared/region_code'
import { createTestAccount } from '#testing/identity'
import { provinceWithoutPlugin } from '../helpers/province_without_plugin.js'

/*
| The settings page saves for real (commit, NOTIFY), so each test puts the
| table back and reloads the snapshot: a switched-off Jilin must not leak
| into the next file's tests.
*/
const JILIN = '220000'
const CHANGCHUN = toRegionCode('220104')

/* An online course with 45-minute classes: Jilin's default allows 40. */
const onlineCourse = {
  kind: 'non_academic',
  subject: null,
  category: 'arts',
  grades: ['p3'],
  stages: ['primary'],
  delivery: 'online',
  live: false,
  startDate: '2027-03-01',
  endDate: '2027-05-31',
  minutesPerClass: 45,
  slots: [{ weekday: 6, start: '10:00', end: '10:45', startMinute: 600, endMinute: 645 }],
  classes: [],
  pricePerClassFen: 8000,
  classesPerCharge: 10,
  capacity: 20,
  homework: false,
  teachers: [],
  institution: { delivery: 'online', categories: ['arts'] },
  chargeLimits: {
    maxClasses: 60,
    maxMonths: 3,
    maxFen: 500_000,
    maxMonthsAhead: 1,
    renewWhenClassesLeft: 20,
  },
} as any

const jilinRulesBroken = async () =>
  (await pluginHost.resolve('catalog.course.validate', CHANGCHUN, onlineCourse))
    .map((v) => v.rule)
    .filter((rule) => rule.startsWith('jilin.'))

const provinceAdmin = (regionCode = JILIN) =>
  createTestAccount({ role: 'admin', adminLevel: 'province', regionCode })

test.group('Plugin settings: a province switches its plugin and sets its values', (group) => {
  group.each.teardown(async () => {
    await db.from('plugin_settings').delete()
    await pluginStates.reload()
  })

  test('the province lists its plugins, changes a setting, and the next decision uses it', async ({
    client,
    assert,
  }) => {
    const admin = await provinceAdmin()
    const list = await client.get('/manage/plugins').loginAs(admin.user)
    list.assertStatus(200)
    assert.include(list.text(), 'data-plugin="jilin"')
    assert.include(list.text(), 'data-state="on"')
    assert.deepEqual(await jilinRulesBroken(), ['jilin.class_minutes'])

    const form = await client.get('/manage/plugins/jilin').loginAs(admin.user)
    assert.include(form.text(), 'name="maxClassMinutes"')
    assert.include(form.text(), 'value="40"')

    const saved = await client
      .post('/manage/plugins/jilin')
      .form({ enabled: 'on', maxClassMinutes: '45', version: '0' })
      .loginAs(admin.user)
      .withCsrfToken()
      .redirects(0)
    saved.assertFlashMessage('success', '已保存，立即生效')
    assert.deepEqual(await jilinRulesBroken(), [])

    const audit = await db
      .from('audit_events')
      .where({ action: 'plugins.settings_saved', actor_id: admin.id })
      .firstOrFail()
    assert.equal(audit.summary, 'jilin @ 220000: maxClassMinutes: 40 → 45')
    assert.equal(audit.region_code, JILIN)
  })

  test('switched off, the province decides by the national rules and loses the plugin’s reports', async ({
    client,
    assert,
  }) => {
    const admin = await provinceAdmin()
    assert.isNotEmpty(await reportsFor(CHANGCHUN))
    await client
      .post('/manage/plugins/jilin')
      .form({ maxClassMinutes: '40', version: '0' })
      .loginAs(admin.user)
      .withCsrfToken()
      .redirects(0)
    assert.deepEqual(await jilinRulesBroken(), [])
    assert.isEmpty(await reportsFor(CHANGCHUN))
    const list = await client.get('/manage/plugins').loginAs(admin.user)
    assert.include(list.text(), 'data-state="off"')

    await client
      .post('/manage/plugins/jilin')
      .form({ enabled: 'on', maxClassMinutes: '40', version: '1' })
      .loginAs(admin.user)
      .withCsrfToken()
      .redirects(0)
    assert.deepEqual(await jilinRulesBroken(), ['jilin.class_minutes'])
  })

  test('a value out of range comes back with the reason and what was typed; nothing is saved', async ({
    client,
    assert,
  }) => {
    const admin = await provinceAdmin()
    const refused = await client
      .post('/manage/plugins/jilin')
      .form({ enabled: 'on', maxClassMinutes: '90', version: '0' })
      .loginAs(admin.user)
      .withCsrfToken()
    refused.assertStatus(422)
    assert.include(refused.text(), '不能大于 60')
    assert.include(refused.text(), 'value="90"')
    assert.lengthOf(await db.from('plugin_settings'), 0)

    const empty = await client
      .post('/manage/plugins/jilin')
      .form({ enabled: 'on', maxClassMinutes: '', version: '0' })
      .loginAs(admin.user)
      .withCsrfToken()
    empty.assertStatus(422)
    assert.include(empty.text(), '请填写此项')
  })

  test('a form opened before someone else saved is refused, not silently undoing their change', async ({
    client,
    assert,
  }) => {
    const [first, second] = [await provinceAdmin(), await provinceAdmin()]
    await client
      .post('/manage/plugins/jilin')
      .form({ enabled: 'on', maxClassMinutes: '45', version: '0' })
      .loginAs(first.user)
      .withCsrfToken()
      .redirects(0)
    const stale = await client
      .post('/manage/plugins/jilin')
      .form({ enabled: 'on', maxClassMinutes: '50', version: '0' })
      .loginAs(second.user)
      .withCsrfToken()
      .redirects(0)
    stale.assertFlashMessage(
      'error',
      '保存失败：有人在您打开页面后修改了设置，请查看最新设置后重新修改'
    )
    const row = await db.from('plugin_settings').where('plugin_id', 'jilin').firstOrFail()
    assert.equal(row.values.maxClassMinutes, 45)
  })

  test('two saves of the same form at once: one is kept, the other refused', async ({ assert }) => {
    const admin = await provinceAdmin()
    const plugin = pluginHost.plugins().find((p) => p.id === 'jilin')!
    const save = (minutes: number) =>
      savePluginState(
        {
          plugin,
          province: toRegionCode(JILIN),
          enabled: true,
          values: { maxClassMinutes: minutes },
          expectedVersion: 0,
          actorId: admin.id,
        },
        async () => {}
      )
    const outcomes = await Promise.all([save(45), save(50), save(55)])
    assert.sameMembers(outcomes, ['saved', 'conflict', 'conflict'])
    const rows = await db.from('plugin_settings').where('plugin_id', 'jilin')
    assert.lengthOf(rows, 1)
    assert.equal(rows[0].version, 1)
  })

  test('another process hears the save as it commits and decides with it at once', async ({
    assert,
    cleanup,
  }) => {
    const admin = await provinceAdmin()
    const plugin = pluginHost.plugins().find((p) => p.id === 'jilin')!
    const other = new DatabaseStateStore()
    other.listenWith(env.get('DATABASE_URL'))
    cleanup(() => other.close())
    assert.equal((await other.stateOf(plugin, toRegionCode(JILIN))).settings.maxClassMinutes, 40)
    assert.isTrue(other.listening)

    const heard = other.nextReload()
    await savePluginState(
      {
        plugin,
        province: toRegionCode(JILIN),
        enabled: false,
        values: { maxClassMinutes: 50 },
        expectedVersion: 0,
        actorId: admin.id,
      },
      async () => {}
    )
    await heard
    const state = await other.stateOf(plugin, toRegionCode(JILIN))
    assert.isFalse(state.enabled)
    assert.equal(state.settings.maxClassMinutes, 50)
  })

  test('only the province’s own bureau changes it; the ministry reads; others do not see it', async ({
    client,
    assert,
  }) => {
    const ministry = await createTestAccount({
      role: 'admin',
      adminLevel: 'ministry',
      regionCode: '000000',
    })
    const page = await client.get('/manage/plugins/jilin?province=220000').loginAs(ministry.user)
    page.assertStatus(200)
    assert.include(page.text(), 'data-testid="read-only"')
    ;(
      await client
        .post('/manage/plugins/jilin?province=220000')
        .form({ maxClassMinutes: '45', version: '0' })
        .loginAs(ministry.user)
        .withCsrfToken()
    ).assertStatus(403)
    ;(await client.get('/manage/plugins/jilin').loginAs(ministry.user)).assertStatus(404)

    const city = await createTestAccount({
      role: 'admin',
      adminLevel: 'city',
      regionCode: '220100',
    })
    ;(await client.get('/manage/plugins').loginAs(city.user)).assertStatus(403)

    /* A bureau of a province no plugin governs: nothing to list, and Jilin's is not theirs to open. */
    const elsewhere = await provinceAdmin(provinceWithoutPlugin())
    assert.include(
      (await client.get('/manage/plugins').loginAs(elsewhere.user)).text(),
      'data-testid="no-plugins"'
    )
    ;(await client.get('/manage/plugins/jilin').loginAs(elsewhere.user)).assertStatus(404)
    assert.lengthOf(await db.from('plugin_settings'), 0)
  })
})
