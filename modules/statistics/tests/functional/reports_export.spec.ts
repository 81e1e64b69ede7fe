import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import ExcelJS from 'exceljs'
import { CurrentUserProvider } from '#modules/identity'
import { createTestAccount } from '#testing/identity'
import { refreshRollups } from '../../services/rollups.js'
import { COLUMNS } from '../../queries/dashboard_tables.js'
import { DIRECT_EXPORT_LIMIT } from '../../actions/start_report_export.js'
import ReportExport from '../../models/report_export.js'
import { binary, mixedWorld, pageRow } from './reports_fixtures.js'

const userOf = async (id: number) => (await new CurrentUserProvider().findById(id))!.getOriginal()
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

async function sheetOf(bytes: Buffer) {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(bytes as any)
  const sheet = book.worksheets[0]!
  const rows: unknown[][] = []
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return rows
}

/** The cell as the page's data-value: fen for money (the cell holds yuan), the ratio or count otherwise. */
function asPageValue(kind: string, cell: unknown): number | null {
  if (cell === '—') return null
  return kind === 'money' ? Math.round(Number(cell) * 100) : Number(cell)
}

test.group('Reports: Excel exports', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a dashboard table exports at once and carries the figures the page shows', async ({
    client,
    assert,
  }) => {
    await mixedWorld()
    await refreshRollups()
    const province = await userOf(
      (await createTestAccount({ role: 'admin', adminLevel: 'province', regionCode: '220000' })).id
    )
    const html = (await client.get('/manage/reports?region=220000').loginAs(province)).text()

    for (const section of ['complaints', 'funds', 'institutions', 'inspections'] as const) {
      const request = client
        .post('/manage/reports/exports')
        .loginAs(province)
        .withCsrfToken()
        .form({ region: '220000', table: `${section}:regions` })
      binary(request)
      const response = await request
      response.assertStatus(200)
      response.assertHeader('content-type', XLSX)
      assert.include(response.header('content-disposition')!, encodeURIComponent('吉林省'))
      const rows = await sheetOf(response.body() as Buffer)
      const columns = COLUMNS[section]
      /* Chinese headers: the region, then each column of the table. */
      assert.equal(rows[0]![0], '地区')
      assert.lengthOf(rows[0]!, columns.length + 1)
      const byName = new Map(rows.slice(1).map((r) => [String(r[0]), r.slice(1)]))
      const expectRow = (name: string, pageKey: string) => {
        const cells = byName.get(name)
        assert.exists(cells, `${section}: a row for ${name}`)
        const shown = pageRow(html, section, pageKey)
        columns.forEach((c, i) =>
          assert.equal(
            asPageValue(c.kind, cells![i]),
            shown[c.key] ?? null,
            `${section} ${name} ${c.key}`
          )
        )
      }
      expectRow('长春市', '220100')
      expectRow('吉林市', '220200')
      expectRow('吉林省本级（线上机构等）', '220000')
      expectRow('吉林省合计', 'total')
    }

    /* Money is yuan with two decimals, exact to the fen. */
    const request = client
      .post('/manage/reports/exports')
      .loginAs(province)
      .withCsrfToken()
      .form({ region: '220000', table: 'funds:regions' })
    binary(request)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await request).body() as any)
    const collected = book.worksheets[0]!.getRow(1).values as unknown[]
    const column = collected.indexOf('预收费（元）')
    assert.isAbove(column, 0)
    assert.equal(book.worksheets[0]!.getColumn(column).numFmt, '#,##0.00')
  })

  test('an institution table and a breakdown export too', async ({ client, assert }) => {
    const { institutions } = await mixedWorld()
    await refreshRollups()
    const county = await userOf(
      (await createTestAccount({ role: 'admin', adminLevel: 'county', regionCode: '220104' })).id
    )
    const html = (await client.get('/manage/reports').loginAs(county)).text()
    const request = client
      .post('/manage/reports/exports')
      .loginAs(county)
      .withCsrfToken()
      .form({ region: '220104', table: 'complaints:institutions' })
    binary(request)
    const rows = await sheetOf((await request).body() as Buffer)
    assert.deepEqual(rows[0]!.slice(0, 3), ['地区', '机构', '收到投诉'])
    const names = new Map(
      (await db.from('institutions').select('id', 'name')).map((r) => [
        Number(r.id),
        r.name as string,
      ])
    )
    const here = institutions.filter((i) => i.region === '220104')
    for (const institution of here) {
      const row = rows.find((r) => r[1] === names.get(institution.id))!
      assert.exists(row)
      assert.equal(
        row[2] ?? 0,
        pageRow(html, 'complaints', `220104:${institution.id}`)['complaints'] ?? 0
      )
    }
    /* The complaint about an unlicensed provider, tied to no institution, is in the file too. */
    assert.exists(rows.find((r) => String(r[1]).startsWith('未关联备案机构')))
    /* Header, each institution, the unattached row, and the county's total as the page shows it under the table. */
    assert.lengthOf(rows, here.length + 1 + 1 + 1)
    const totalRow = rows.at(-1)!
    assert.match(String(totalRow[0]), /合计$/)
    assert.equal(
      totalRow[2],
      rows.slice(1, -1).reduce((sum, r) => sum + Number(r[2] ?? 0), 0)
    )

    const pie = client
      .post('/manage/reports/exports')
      .loginAs(county)
      .withCsrfToken()
      .form({ region: '220104', table: 'complaint_types' })
    binary(pie)
    const types = await sheetOf((await pie).body() as Buffer)
    assert.deepEqual(types[0], ['投诉类型', '数量'])
    assert.deepEqual(
      types.find((r) => r[0] === '退费纠纷'),
      ['退费纠纷', 2]
    )
    assert.deepEqual(
      types.find((r) => r[0] === '无证办学'),
      ['无证办学', 1]
    )

    /* Another region's table is not there for this county. */
    const sneaky = await client
      .post('/manage/reports/exports')
      .loginAs(county)
      .withCsrfToken()
      .form({ region: '220102', table: 'complaints:regions' })
    sneaky.assertStatus(404)
  })

  test('a large export runs in the background, reports progress, and only its owner may download it', async ({
    client,
    assert,
  }) => {
    await mixedWorld()
    await refreshRollups()
    /* More institution rows than a request may build: this many institutions' counters in one county. */
    const extra = DIRECT_EXPORT_LIMIT + 1
    await db.rawQuery(
      `INSERT INTO stat_rollups (level, region_code, institution_id, parent_code, metric, value, refreshed_at)
       SELECT 4, '220104', g, '220104', 'complaints', 1, now() FROM generate_series(50000001, 50000000 + ?::int) g`,
      [extra]
    )
    const seen: number[] = []
    ReportExport.after('save', (record) => {
      if (record.status === 'running') seen.push(record.progress)
    })
    const ownerAccount = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const owner = await userOf(ownerAccount.id)
    const started = await client
      .post('/manage/reports/exports')
      .loginAs(owner)
      .withCsrfToken()
      .form({ region: '220104', table: 'complaints:institutions' })
      .redirects(0)
    started.assertStatus(302)
    const location = started.header('location')!
    assert.match(location, /^\/manage\/reports\/exports\/\d+$/)
    const record = await ReportExport.findOrFail(Number(location.split('/').pop()))
    assert.equal(record.ownerUserId, ownerAccount.id)
    assert.equal(record.status, 'done')
    assert.isAbove(record.total, DIRECT_EXPORT_LIMIT)
    assert.equal(record.progress, record.total)
    /* Progress was written page by page while the file was built. */
    assert.includeMembers(seen, [1000, 2000, 3000, 4000, 5000])

    const page = await client.get(location).loginAs(owner)
    page.assertStatus(200)
    assert.include(page.text(), 'data-status="done"')
    assert.include(page.text(), `/manage/reports/exports/${record.id}/download`)

    const download = client.get(`${location}/download`).loginAs(owner)
    binary(download)
    const file = await download
    file.assertStatus(200)
    file.assertHeader('content-type', XLSX)
    const rows = await sheetOf(file.body() as Buffer)
    /* Header, every institution row, and the county's total row. */
    assert.lengthOf(rows, record.total + 2)
    assert.match(String(rows.at(-1)![0]), /合计$/)

    /* Nobody else may follow or download it, not even the province above. */
    for (const other of [
      await createTestAccount({ role: 'admin', adminLevel: 'county', regionCode: '220104' }),
      await createTestAccount({ role: 'admin', adminLevel: 'province', regionCode: '220000' }),
    ]) {
      const user = await userOf(other.id)
      ;(await client.get(`${location}/download`).loginAs(user)).assertStatus(404)
      ;(await client.get(location).loginAs(user)).assertStatus(404)
    }
  })

  test('while an export runs, the page polls a progress bar', async ({ client, assert }) => {
    const account = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const record = await ReportExport.create({
      ownerUserId: account.id,
      regionCode: '220104',
      tableKey: 'complaints:institutions',
      status: 'running',
      progress: 2500,
      total: 10000,
    })
    const fragment = await client
      .get(`/manage/reports/exports/${record.id}`)
      .header('hx-request', 'true')
      .loginAs(await userOf(account.id))
    fragment.assertStatus(200)
    const html = fragment.text()
    assert.notInclude(html, '<html')
    assert.include(html, 'hx-trigger="every 1s"')
    assert.include(html, '<progress max="100" value="25"')
    assert.include(html, '已写入 2500 / 10000 行')
    ;(
      await client
        .get(`/manage/reports/exports/${record.id}/download`)
        .loginAs(await userOf(account.id))
    ).assertStatus(404)
  })
})
