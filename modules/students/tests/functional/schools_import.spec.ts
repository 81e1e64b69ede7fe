import { test } from '@japa/runner'
import ExcelJS from 'exceljs'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import db from '@adonisjs/lucid/services/db'
import { createTestAccount } from '#testing/identity'
import { createTestSchool, uniqueSchoolCode } from '#testing/students'
import { fieldErrors } from '#tests/helpers/http'
import { buildSchoolTemplate } from '../../schools/services/school_sheet.js'

const HEADERS = ['*学校名称', '*学校标识码', '*学段', '地址']

/** A register file as a county fills the template: the header row, the hint row, then schools. */
async function workbook(rows: (string | number)[][], headers = HEADERS): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('学校名录')
  sheet.addRow(headers)
  sheet.addRow(['填写：学校全称', '填写：10 位数字', '填写：小学;初中', '填写：选填'])
  for (const row of rows) sheet.addRow(row)
  return Buffer.from(await book.xlsx.writeBuffer())
}

const county = async (regionCode = '220104', adminLevel: 'county' | 'city' = 'county') =>
  (await createTestAccount({ role: 'admin', adminLevel, regionCode })).user

function upload(client: any, user: unknown, bytes: Buffer, regionCode = '220104') {
  return client
    .post(urlFor('school_imports.store'))
    .header('referer', urlFor('school_imports.create'))
    .loginAs(user)
    .field('regionCode', regionCode)
    .file('file', bytes, { filename: '朝阳区学校名录.xlsx' })
    .withCsrfToken()
    .redirects(0)
}

const countOf = async (codes: string[]) =>
  Number((await db.from('schools').whereIn('code', codes).count('* as n'))[0].n)

test.group('School register: import from Excel', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the template has the register columns, required ones marked', async ({
    client,
    assert,
  }) => {
    const response = await client.get(urlFor('school_imports.template')).loginAs(await county())
    response.assertStatus(200)
    assert.include(response.header('content-type'), 'spreadsheetml')
    assert.include(
      response.header('content-disposition'),
      encodeURIComponent('学校名录导入模板.xlsx')
    )
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await buildSchoolTemplate()) as any)
    const header = book.worksheets[0]!.getRow(1).values as string[]
    assert.deepEqual(header.slice(1), HEADERS)
  })

  test('a good file stores every school with its stages', async ({ client, assert }) => {
    const codes: [string, string, string] = [
      uniqueSchoolCode(),
      uniqueSchoolCode(),
      uniqueSchoolCode(),
    ]
    const bytes = await workbook([
      ['长春市朝阳区导入一小学', codes[0], '小学', '长春市朝阳区导入路 1 号'],
      ['长春市朝阳区导入学校', codes[1], '小学;初中', ''],
      ['长春市朝阳区导入高中', Number(codes[2]), '高中', ''],
    ])
    const response = await upload(client, await county(), bytes)
    response.assertStatus(302)
    response.assertHeader('location', urlFor('schools.index'))
    response.assertFlashMessage('success', '导入完成：新增 3 所，更新 0 所。')
    const rows = await db.from('schools').whereIn('code', codes).orderBy('code')
    assert.lengthOf(rows, 3)
    const byCode = new Map(rows.map((r) => [r.code, r]))
    assert.deepEqual(byCode.get(codes[1])!.stages, ['primary', 'junior'])
    assert.deepEqual(byCode.get(codes[2])!.stages, ['senior'])
    assert.equal(byCode.get(codes[0])!.address, '长春市朝阳区导入路 1 号')
    assert.equal(byCode.get(codes[0])!.county_code, '220104')
  })

  test('a file with bad rows stores nothing and lists every problem', async ({
    client,
    assert,
  }) => {
    const elsewhere = await createTestSchool({ regionCode: '220102' })
    const good = uniqueSchoolCode()
    const twice = uniqueSchoolCode()
    const bytes = await workbook([
      ['长春市朝阳区好学校', good, '小学', ''],
      ['长春市朝阳区短码学校', '2201041', '小学', ''],
      ['长春市朝阳区学段学校', uniqueSchoolCode(), '小学;大学', ''],
      ['', uniqueSchoolCode(), '初中', ''],
      ['长春市朝阳区重复一', twice, '小学', ''],
      ['长春市朝阳区重复二', twice, '小学', ''],
      ['长春市朝阳区别处学校', elsewhere.code, '小学', ''],
    ])
    const response = await upload(client, await county(), bytes)
    response.assertStatus(422)
    const html = response.text()
    assert.include(html, '有 5 处问题，未导入任何学校')
    assert.include(html, '“2201041”不是 10 位数字的学校标识码')
    assert.include(html, '无法识别的学段：大学')
    assert.include(html, '与第 7 行的学校标识码重复')
    assert.include(html, '该学校标识码已登记在 吉林省 / 长春市 / 南关区，不能在本区县导入')
    for (const row of [4, 5, 6, 8, 9])
      assert.match(html, new RegExp(`<td data-label="行号">${row}</td>`))
    assert.equal(await countOf([good, twice]), 0, 'nothing of a bad file is stored')
    assert.equal(
      (await db.from('schools').where('code', elsewhere.code).firstOrFail()).name,
      elsewhere.name
    )
  })

  test('re-importing the same codes updates names and stages, never duplicates', async ({
    client,
    assert,
  }) => {
    const user = await county()
    const code = uniqueSchoolCode()
    const first = await upload(
      client,
      user,
      await workbook([['长春市朝阳区旧名小学', code, '小学', '旧址']])
    )
    first.assertFlashMessage('success', '导入完成：新增 1 所，更新 0 所。')
    const again = await upload(
      client,
      user,
      await workbook([
        ['长春市朝阳区新名学校', code, '小学；初中', ''],
        ['长春市朝阳区另一所小学', uniqueSchoolCode(), '小学', ''],
      ])
    )
    again.assertFlashMessage('success', '导入完成：新增 1 所，更新 1 所。')
    const rows = await db.from('schools').where('code', code)
    assert.lengthOf(rows, 1)
    assert.equal(rows[0].name, '长春市朝阳区新名学校')
    assert.deepEqual(rows[0].stages, ['primary', 'junior'])
    assert.equal(rows[0].address, '旧址', 'an empty address cell keeps the one on record')
  })

  test('a file without the template columns, or not a spreadsheet, is refused whole', async ({
    client,
    assert,
  }) => {
    const user = await county()
    const code = uniqueSchoolCode()
    const noColumns = await upload(
      client,
      user,
      await workbook([['某小学', code]], ['名称', '代码'])
    )
    noColumns.assertStatus(422)
    assert.include(noColumns.text(), '缺少列：学校名称、学校标识码、学段')
    const notZip = await upload(client, user, Buffer.from('not a spreadsheet at all'))
    /* The upload's own check reads the file's content, not only its name. */
    assert.deepEqual(fieldErrors(notZip, 'file'), ['Excel 文件只能是 xlsx 格式'])
    const tooMany = await upload(
      client,
      user,
      await workbook(
        Array.from({ length: 3001 }, (_, i) => [`长春市朝阳区第${i}小学`, code, '小学', ''])
      )
    )
    assert.include(tooMany.text(), '文件有 3001 行，超过每个文件 3000 行的上限')
    const empty = await upload(client, user, await workbook([]))
    assert.include(empty.text(), '文件中没有学校数据')
    assert.equal(await countOf([code]), 0)
  })

  test('a county imports into its own county only; a city names one of its counties', async ({
    client,
    assert,
  }) => {
    const bytes = await workbook([['长春市南关区导入小学', uniqueSchoolCode('220102'), '小学', '']])
    const intoOther = await upload(client, await county(), bytes, '220102')
    intoOther.assertStatus(302)
    intoOther.assertFlashMessage('error', '只能在本局管辖的区县登记学校')
    const city = await upload(client, await county('220100', 'city'), bytes, '220102')
    city.assertFlashMessage('success', '导入完成：新增 1 所，更新 0 所。')
    const row = await db.from('schools').where('name', '长春市南关区导入小学').firstOrFail()
    assert.equal(row.county_code, '220102')
    const subunit = (
      await createTestAccount({ role: 'admin', adminLevel: 'subunit', regionCode: '220104' })
    ).user
    ;(await upload(client, subunit, bytes)).assertStatus(403)
  })
})
