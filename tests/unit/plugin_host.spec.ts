import { test } from '@japa/runner'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import plugins from '#config/plugins'
import { PluginHost, pluginHost } from '../../app/plugins/plugin_host.js'
import { loadPlugins } from '../../app/plugins/loader.js'
import { validateManifest } from '../../app/plugins/manifest.js'
import { toRegionCode } from '../../app/shared/region_code.js'
import {
  PLUGIN_API_VERSION,
  type PluginDefinition,
  type Violation,
  defineSettings,
} from '../../app/plugin_sdk/index.js'

/* Points declared only for these tests; the host is generic over names. */
function testHost() {
  const host = new PluginHost()
  host.declare({
    name: 'test.cap' as any,
    version: 1,
    kind: 'value',
    description: 'a number',
    defaultRule: () => 60,
  })
  host.declare({
    name: 'test.check' as any,
    version: 1,
    kind: 'decision',
    description: 'a check',
    defaultRule: (input: any): Violation[] =>
      input.hours > 60
        ? [
            {
              rule: 'national.hours',
              authority: '教监管函〔2021〕2号',
              message: 'too many hours',
              fix: 'sell at most 60',
            },
          ]
        : [],
  })
  return host
}

const plugin = (id: string, regions: string[], rules: Record<string, any>): PluginDefinition =>
  ({ id, name: id, version: '1.0.0', platform: '^0.1.0', regions, rules }) as PluginDefinition

const jl = toRegionCode('220104')
const hb = toRegionCode('130102')
const resolve = (host: PluginHost, name: string, region: any, input: any) =>
  host.resolve(name as any, region, input)

test.group('Plugin host: resolution by region', () => {
  test('a case in the plugin province gets its rule, elsewhere the national default', async ({
    assert,
  }) => {
    const host = testHost()
    host.install([plugin('jilin', ['220000'], { 'test.cap': () => 40 })])
    assert.equal(await resolve(host, 'test.cap', jl, {}), 40)
    assert.equal(await resolve(host, 'test.cap', hb, {}), 60)
    assert.equal(await resolve(host, 'test.cap', toRegionCode('000000'), {}), 60)
  })

  test('a value rule can build on the national default with next()', async ({ assert }) => {
    const host = testHost()
    host.install([
      plugin('jilin', ['220000'], {
        'test.cap': async (_: any, ctx: any) => (await ctx.next()) - 20,
      }),
    ])
    assert.equal(await resolve(host, 'test.cap', jl, {}), 40)
  })

  test('the first enabled plugin takes precedence and may defer to the next', async ({
    assert,
  }) => {
    const host = testHost()
    host.install([
      plugin('first', ['220000'], {
        'test.cap': async (_: any, ctx: any) => Math.min(50, await ctx.next()),
      }),
      plugin('second', ['220000'], { 'test.cap': () => 30 }),
    ])
    assert.equal(await resolve(host, 'test.cap', jl, {}), 30)
    host.install([
      plugin('second', ['220000'], { 'test.cap': () => 30 }),
      plugin('first', ['220000'], { 'test.cap': () => 50 }),
    ])
    assert.equal(await resolve(host, 'test.cap', jl, {}), 30)
  })

  test('decision points add the plugin violations to the national ones', async ({ assert }) => {
    const host = testHost()
    const jilinRule = (input: any): Violation[] =>
      input.minutes > 40
        ? [
            {
              rule: 'jilin.class_minutes',
              authority: '吉教联〔2019〕75号',
              message: 'class too long',
              fix: '≤ 40 minutes',
            },
          ]
        : []
    host.install([plugin('jilin', ['220000'], { 'test.check': jilinRule })])

    const inJilin = (await resolve(host, 'test.check', jl, {
      hours: 80,
      minutes: 45,
    })) as Violation[]
    assert.deepEqual(
      inJilin.map((v) => v.rule),
      ['national.hours', 'jilin.class_minutes']
    )
    const inHebei = (await resolve(host, 'test.check', hb, {
      hours: 80,
      minutes: 45,
    })) as Violation[]
    assert.deepEqual(
      inHebei.map((v) => v.rule),
      ['national.hours']
    )
    assert.deepEqual(await resolve(host, 'test.check', jl, { hours: 10, minutes: 30 }), [])
  })

  test('unknown extension points are an error, not a silent default', async ({ assert }) => {
    await assert.rejects(() => resolve(testHost(), 'test.nothing', jl, {}), /not declared/)
  })
})

test.group('Plugin host: manifest checks and start-up failure', () => {
  const check = {
    expectedId: 'jilin',
    platformVersion: '0.1.0',
    declaredPoints: new Set(['test.cap']),
  }

  test('accepts a valid manifest', ({ assert }) => {
    assert.equal(
      validateManifest(plugin('jilin', ['220000'], { 'test.cap': () => 1 }), check).id,
      'jilin'
    )
  })

  test('a pin to another version of a point, or to no point, stops start-up naming it', ({
    assert,
  }) => {
    const versioned = { ...check, pointVersions: new Map([['test.cap', 2]]) }
    const pinned = (pins: unknown) => ({
      ...plugin('jilin', ['220000'], { 'test.cap': () => 1 }),
      pins,
    })
    assert.doesNotThrow(() => validateManifest(pinned({ 'test.cap': 2 }), versioned))
    assert.throws(
      () => validateManifest(pinned({ 'test.cap': 1 }), versioned),
      /extension point "test.cap" is version 2 here, but the plugin's rules are pinned to version 1/
    )
    assert.throws(
      () => validateManifest(pinned({ 'test.gone': 1 }), versioned),
      /pin for unknown extension point "test.gone"/
    )
    assert.throws(
      () => validateManifest(pinned({ 'test.cap': 'two' }), versioned),
      /pin for "test.cap" must be a whole number/
    )
  })

  test('the SDK exports the plugin API version that platform ranges are checked against', ({
    assert,
  }) => {
    assert.match(PLUGIN_API_VERSION, /^\d+\.\d+\.\d+$/)
    const ranged = (platform: string) => ({
      ...plugin('jilin', ['220000'], { 'test.cap': () => 1 }),
      platform,
    })
    const current = { ...check, platformVersion: PLUGIN_API_VERSION }
    const major = Number(PLUGIN_API_VERSION.split('.')[0])
    assert.doesNotThrow(() => validateManifest(ranged(`^${PLUGIN_API_VERSION}`), current))
    assert.throws(
      () => validateManifest(ranged(`^${major + 1}.0.0`), current),
      /requires plugin API/
    )
  })

  test('reports every problem of a broken manifest at once', ({ assert }) => {
    const broken = {
      id: 'jilinx',
      name: '',
      version: 'one',
      platform: '>=2.0.0',
      regions: ['2201', '999999'],
      rules: { 'test.none': () => 1, 'test.cap': 5 },
      extra: 1,
    }
    try {
      validateManifest(broken, check)
      assert.fail('expected an error')
    } catch (error) {
      const message = (error as Error).message
      assert.include(message, 'Plugin "jilin" (plugins/jilin/plugin.ts) cannot be loaded')
      assert.include(message, '"id" is "jilinx" but the folder is "jilin"')
      assert.include(message, '"name" is missing')
      assert.include(message, '"version" must be a semver version')
      assert.include(
        message,
        "requires plugin API >=2.0.0, but this platform's plugin API is 0.1.0"
      )
      assert.include(message, 'region "2201" is not a province code')
      assert.include(message, 'region "999999" is not a province code')
      assert.include(message, 'rule for unknown extension point "test.none"')
      assert.include(message, 'rule "test.cap" is not a function')
      assert.include(message, 'unknown key "extra"')
    }
  })

  test('refuses a policy on an event no module emits, and settings it cannot honour', ({
    assert,
  }) => {
    const candidate = {
      ...plugin('jilin', ['220000'], {}),
      policies: [{ id: 'p', description: 'p', on: 'complaints:closd', handle: () => {} }],
      settings: defineSettings({
        'minutes': { type: 'number', label: 'm', default: 90, min: 10, max: 60 },
        'level': { type: 'choice', label: 'l', default: 'x', options: [] },
        'note': { type: 'text', label: 'n', default: '', maxLength: 0 },
        'bad-key': { type: 'boolean', label: 'b', default: true },
      }),
    }
    const withEvents = { ...check, declaredEvents: new Set(['complaints:closed']) }
    try {
      validateManifest(candidate, withEvents)
      assert.fail('expected an error')
    } catch (error) {
      const message = (error as Error).message
      assert.include(message, 'policy "p" reacts to "complaints:closd", an event no module emits')
      assert.include(message, 'setting "minutes": its default 90 fails its own checks')
      assert.include(message, 'setting "level": "options" must list at least one value')
      assert.include(message, 'setting "note": "maxLength" must be a positive whole number')
      assert.include(message, 'setting "bad-key": a key is letters, digits and _')
    }
    assert.throws(
      () => validateManifest({ ...plugin('jilin', ['220000'], {}), settings: { x: 1 } }, check),
      /"settings" must be declared with defineSettings/
    )
  })

  test('loading a missing, crashing or incompatible plugin fails with its name', async ({
    assert,
    cleanup,
  }) => {
    const root = mkdtempSync(join(tmpdir(), 'xiaowai-plugins-'))
    cleanup(() => rmSync(root, { recursive: true, force: true }))
    mkdirSync(join(root, 'crashing'))
    writeFileSync(join(root, 'crashing', 'plugin.js'), "throw new Error('boom at import')\n")
    mkdirSync(join(root, 'old'))
    writeFileSync(
      join(root, 'old', 'plugin.js'),
      "export default { id: 'old', name: 'Old', version: '1.0.0', platform: '^0.0.1', regions: ['130000'] }\n"
    )
    const options = (enabled: string[]) => ({
      pluginsRoot: pathToFileURL(`${root}/`),
      enabled,
      platformVersion: '0.1.0',
      declaredPoints: new Set<string>(),
    })
    await assert.rejects(() => loadPlugins(options(['absent'])), /Plugin "absent".*no plugin.ts/)
    await assert.rejects(
      () => loadPlugins(options(['crashing'])),
      /Plugin "crashing".*importing it failed: boom at import/
    )
    await assert.rejects(
      () => loadPlugins(options(['old'])),
      /Plugin "old".*requires plugin API \^0\.0\.1, but this platform's plugin API is 0\.1\.0/
    )
    await assert.rejects(() => loadPlugins(options(['Bad-Id'])), /lower-case/)
  })

  test('the platform boots with the configured plugins enabled and the identity point declared', ({
    assert,
  }) => {
    /* PLUGINS decides (jilin by default): enabling another province's plugin must not break this. */
    assert.deepEqual(
      pluginHost.plugins().map((p) => p.id),
      plugins.enabled
    )
    assert.isTrue(pluginHost.declaredPoints().has('identity.audit.retention_days'))
  })
})

test.group('Plugin host: view slots', () => {
  test("a slot shows the partials of the plugins governing the page's region, with the slot's data", async ({
    assert,
  }) => {
    const { Edge } = await import('edge.js')
    const { renderSlot } = await import('../../app/plugins/view_slots.js')
    const dir = mkdtempSync(join(tmpdir(), 'slot-'))
    try {
      writeFileSync(join(dir, 'sidebar.edge'), '<p class="jl">吉林提示：{{ institution.name }}</p>')
      const edge = Edge.create()
      edge.mount('plugin_jilin', dir)
      const host = testHost().withPlugins([
        {
          ...plugin('jilin', ['220000'], {}),
          views: { 'institution.show.sidebar': 'sidebar' },
        } as PluginDefinition,
      ])
      const data = { institution: { id: 1, name: '长春某学校', regionCode: '220104' } }
      assert.equal(
        await renderSlot(edge, 'institution.show.sidebar', '220104', data, host),
        '<p class="jl">吉林提示：长春某学校</p>'
      )
      assert.equal(
        await renderSlot(edge, 'institution.show.sidebar', '130102', data, host),
        '',
        'not in a province the plugin does not govern'
      )
      assert.equal(
        await renderSlot(
          edge,
          'course.show.notices',
          '220104',
          { course: { id: 1, name: 'x', institutionId: 1, regionCode: '220104' } } as any,
          host
        ),
        '',
        'not in a slot it does not fill'
      )
      assert.equal(await renderSlot(edge, 'institution.show.sidebar', null, data, host), '')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
