import { test } from '@japa/runner'
import { testHostFor } from '#plugin_sdk/testing'
import jilin from '../plugin.js'

test.group('Jilin plugin', () => {
  test('keeps audit and behaviour logs for more than a year in Jilin only', async ({ assert }) => {
    const host = testHostFor(jilin)
    assert.equal(await host.resolve('identity.audit.retention_days', '220104', {}), 366)
    assert.equal(await host.resolve('identity.audit.retention_days', '220000', {}), 366)
    /* Hebei and the country keep the national default. */
    assert.equal(await host.resolve('identity.audit.retention_days', '130102', {}), 180)
    assert.equal(await host.resolve('identity.audit.retention_days', '000000', {}), 180)
  })

  test('never shortens a longer national default', async ({ assert }) => {
    const rule = jilin.rules['identity.audit.retention_days']
    const region = '220104' as any
    assert.equal(
      await rule({}, { region, province: '220000' as any, settings: {}, next: async () => 400 }),
      400
    )
    assert.equal(
      await rule({}, { region, province: '220000' as any, settings: {}, next: async () => 180 }),
      366
    )
  })
})

test.group('Jilin plugin: online filing form (attachment 1)', () => {
  test('online institutions in Jilin file their security level and server location; others do not', async ({
    assert,
  }) => {
    const host = testHostFor(jilin)
    const jilinOnline = await host.resolve('registry.filing.extra_fields', '220104', {
      section: 'basic',
      delivery: 'online',
    })
    assert.includeMembers(
      jilinOnline.map((f) => f.name),
      ['securityLevel', 'securityFilingNumber', 'serverLocation', 'telecomLicence']
    )
    assert.deepEqual(
      await host.resolve('registry.filing.extra_fields', '220104', {
        section: 'basic',
        delivery: 'offline',
      }),
      []
    )
    assert.deepEqual(
      await host.resolve('registry.filing.extra_fields', '220104', {
        section: 'operations',
        delivery: 'online',
      }),
      []
    )
    assert.deepEqual(
      await host.resolve('registry.filing.extra_fields', '130102', {
        section: 'basic',
        delivery: 'online',
      }),
      []
    )
  })
})
