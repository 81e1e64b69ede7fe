import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import ExcelJS from 'exceljs'
import { runReport } from '#kernel/plugins/reports'
import { toRegionCode } from '#kernel/shared/region_code'
import { CurrentUserProvider } from '#modules/identity'
import { createTestAccount } from '#testing/identity'
import { createFiledInstitution } from '#testing/registry'
import { binary } from './reports_fixtures.js'

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
    const sheet = book.worksheets[0]
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
    const hebei = await admin('province', '130000')
    assert.notInclude(
      (await client.get('/manage/reports').loginAs(hebei)).text(),
      'data-testid="custom-reports"'
    )
    ;(await client.get(PATH).loginAs(hebei)).assertStatus(404)
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
