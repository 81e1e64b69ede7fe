import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import ExcelJS from 'exceljs'
import { runReport } from '#kernel/plugins/reports'
import { toRegionCode } from '#kernel/shared/region_code'
import { CurrentUserProvider } from '#modules/identity'
import { createTestAccount } from '#testing/identity'
import { createFiledInstitution } from '#testing/registry'
import { provinceWithoutPlugin } from '#tests/helpers/province_without_plugin'
import { binary, mixedWorld } from './reports_fixtures.js'

const userOf = async (id: number) => (await new CurrentUserProvider().findById(id))!.getOriginal()
const admin = async (adminLevel: 'county' | 'city' | 'province' | 'ministry', regionCode: string) =>
  userOf((await createTestAccount({ role: 'admin', adminLevel, regionCode })).id)
const PATH = '/manage/reports/plugins/jilin/online_screening'

test.group('Plugin reports: a province ships its own report', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('Jilin bureaus find the Jilin report on the dashboard; its figures are the registry’s, and the Excel carries them', async ({
    client,
    assert,
  }) => {
    const first = await createFiledInstitution({ delivery: 'online', regionCode: '220000' })
    await createFiledInstitution({ delivery: 'online', regionCode: '220000' })
    await db.from('institutions').where('id', first.id).update({ list_status: 'grey' })
    const expected = await db
      .from('institutions')
      .where({ delivery: 'online', province_code: '220000' })
      .whereNull('removed_at')
      .select('list_status')
      .count('* as n')
      .groupBy('list_status')
    const province = await admin('province', '220000')

    const dashboard = await client.get('/manage/reports').loginAs(province)
    assert.include(dashboard.text(), 'data-testid="custom-reports"')
    assert.include(dashboard.text(), PATH)
    const page = await client.get(PATH).loginAs(province)
    page.assertStatus(200)
    const shown = [...page.text().matchAll(/data-key="institutions" data-value="(\d+)"/g)].map(
      (m) => Number(m[1])
    )
    assert.deepEqual(shown.sort(), expected.map((r) => Number(r.n)).sort())
    assert.include(page.text(), '灰名单（限期整改）')

    const request = client.get(`${PATH}/export`).loginAs(province)
    binary(request)
    const response = await request
    response.assertStatus(200)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(response.body() as any)
    const sheet = book.worksheets[0]!
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), [
      '排查结论',
      '机构数',
      '已完成备案',
      '备案审核中',
      '退回修改',
      '尚未提交备案',
    ])
    const counts: number[] = []
    sheet.eachRow((row, n) => n > 1 && counts.push(Number(row.getCell(2).value)))
    assert.deepEqual(counts.sort(), shown.sort())
  })

  test('another province and the ministry have no such report', async ({ client, assert }) => {
    /* A province no installed plugin governs: it has no custom reports at all. */
    const elsewhere = await admin('province', provinceWithoutPlugin())
    assert.notInclude(
      (await client.get('/manage/reports').loginAs(elsewhere)).text(),
      'data-testid="custom-reports"'
    )
    ;(await client.get(PATH).loginAs(elsewhere)).assertStatus(404)
    ;(await client.get(PATH).loginAs(await admin('ministry', '000000'))).assertStatus(404)
    ;(
      await client
        .get('/manage/reports/plugins/jilin/nope')
        .loginAs(await admin('province', '220000'))
    ).assertStatus(404)
  })

  test('a report runs read-only: a query that writes is refused by the database', async ({
    assert,
  }) => {
    const found = {
      pluginId: 'rogue',
      pluginName: 'rogue',
      report: {
        id: 'rogue',
        title: 'rogue',
        columns: [],
        query: ({ sql }: any) => sql(`UPDATE institutions SET name = 'pwned'`),
      },
    }
    await assert.rejects(
      () => runReport(found as any, toRegionCode('220000')),
      /read-only transaction/
    )
    /* The caller's own transaction is writable again afterwards. */
    await db.from('institutions').where('id', 0).update({ name: 'x' })
  })
})

test.group('Plugin reports: the report views are scoped by the host', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  /* What a report reading one view sees when a bureau of `region` opens it. */
  const seenBy = (region: string, view: string) =>
    runReport(
      {
        pluginId: 'probe',
        pluginName: 'probe',
        settings: {},
        report: {
          id: 'probe',
          title: 'probe',
          columns: [],
          query: ({ sql }) => sql(`SELECT count(*)::int AS n FROM ${view}`),
        },
      },
      toRegionCode(region)
    ).then(({ rows }) => Number(rows[0]!.n))

  test('each view holds exactly the rows of the region that opened the report', async ({
    assert,
  }) => {
    await mixedWorld()
    const lineage = (region: string, alias = '') =>
      `'${region}' IN (${alias}province_code, ${alias}city_code, ${alias}county_code)`
    const truth: Record<string, (region: string) => string> = {
      report_institutions: (r) => `SELECT count(*)::int AS n FROM institutions WHERE ${lineage(r)}`,
      report_courses: (r) =>
        `SELECT count(*)::int AS n FROM courses c JOIN institutions i ON i.id = c.institution_id WHERE ${lineage(r, 'i.')}`,
      report_orders: (r) => `SELECT count(*)::int AS n FROM orders WHERE ${lineage(r)}`,
      report_complaints: (r) => `SELECT count(*)::int AS n FROM complaints WHERE ${lineage(r)}`,
    }
    const seenSomething = new Set<string>()
    for (const region of ['220104', '220100', '220000', '130000']) {
      for (const [view, count] of Object.entries(truth)) {
        const expected = Number((await db.rawQuery(count(region))).rows[0].n)
        assert.equal(await seenBy(region, view), expected, `${view} for ${region}`)
        if (expected > 0) seenSomething.add(view)
      }
    }
    /* The world has rows of every kind, so the equalities above were not all 0 = 0. */
    assert.sameMembers([...seenSomething], Object.keys(truth))
  })

  test('outside a report run the views are empty, and they carry no personal data', async ({
    assert,
  }) => {
    await mixedWorld()
    for (const view of [
      'report_institutions',
      'report_courses',
      'report_orders',
      'report_complaints',
    ])
      assert.lengthOf(await db.from(view), 0, view)
    const columns = await db
      .from('information_schema.columns')
      .whereIn('table_name', ['report_institutions', 'report_orders', 'report_complaints'])
      .select('column_name')
    const names = columns.map((c) => c.column_name)
    for (const personal of [
      'legal_rep_name',
      'address',
      'parent_user_id',
      'author_user_id',
      'name_cipher',
      'phone_cipher',
      'phone_masked',
      'tracking_hash',
      'content',
    ])
      assert.notInclude(names, personal)
  })
})
