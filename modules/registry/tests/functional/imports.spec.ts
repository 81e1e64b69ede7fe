import { test } from '@japa/runner'
import { randomInt } from 'node:crypto'
import ExcelJS from 'exceljs'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import db from '@adonisjs/lucid/services/db'
import { createTestAccount } from '#testing/identity'
import i18nManager from '@adonisjs/i18n/services/main'
import queue from '@adonisjs/queue/services/main'
import {
  creditCode,
  createFiledInstitution,
  registerSupervisingBanks,
  residentId,
} from '../../testing.js'
import { buildImportTemplate } from '../../services/import_template.js'
import { ImportProhibitedPersons } from '../../actions/import_prohibited_persons.js'
import ImportProhibitedPersonsJob from '../../jobs/import_prohibited_persons_job.js'
import { bombZip, countWorkbookLoads } from './zip_bombs.js'

/** A workbook shaped like the downloaded template: header row, hint row, then data rows. */
async function workbook(
  headers: string[],
  rows: (string | number)[][],
  hints = true
): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('机构信息')
  sheet.addRow(headers)
  if (hints) sheet.addRow(headers.map(() => '填写：示例'))
  for (const values of rows) sheet.addRow(values)
  return Buffer.from(await book.xlsx.writeBuffer())
}

/* The route serves the workbook; its headers are read from the same builder. */
async function templateHeaders(client: any, user: any): Promise<string[]> {
  const response = await client.get(urlFor('imports.template')).loginAs(user)
  response.assertHeader(
    'content-type',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  )
  response.assertHeader(
    'content-disposition',
    `attachment; filename*=UTF-8''${encodeURIComponent('校外培训机构批量导入模板.xlsx')}`
  )
  const i18n = i18nManager.locale('zh-CN')
  const book = new ExcelJS.Workbook()
  await book.xlsx.load((await buildImportTemplate((key) => i18n.t(key))) as any)
  const headers: string[] = []
  book.worksheets[0]!.getRow(1).eachCell((cell) => headers.push(String(cell.value)))
  return headers
}

function row(headers: string[], values: Record<string, string | number>): (string | number)[] {
  return headers.map((h) => values[h.replace(/^\*/, '')] ?? '')
}

async function upload(client: any, user: any, bytes: Buffer, filename = '机构.xlsx') {
  const response = await client
    .post(urlFor('imports.store'))
    .loginAs(user)
    .file('file', bytes, { filename })
    .withCsrfToken()
    .redirects(0)
  return Number(response.header('location')!.split('/').pop())
}

const batchOf = (id: number) => db.from('import_batches').where('id', id).firstOrFail()

function goodRow(name: string, code = creditCode(), region = '220104') {
  return {
    '机构名称': name,
    '统一社会信用代码': code,
    '办学性质': '营利性',
    '办学形式': '线下',
    '所在区县': region,
    '办学地址': '长春市朝阳区红旗街 1 号',
    '法定代表人': '刘强',
    '法定代表人身份证号': residentId(401),
    '联系人': '刘强',
    '联系电话': '13800000001',
    '办学资质类型': '线下办学许可证',
    '办学许可证编号': '教民 122010470001111 号',
    '审批机关': '长春市朝阳区教育局',
    '许可证有效期起': '2024-03-01',
    '许可证有效期至': '2029-02-28',
    '法人登记类型': '营业执照（企业）',
    '法人登记证书编号': '220104000999888',
    '登记机关': '长春市朝阳区市场监督管理局',
    '培训类别': '体育、文化艺术',
    '党组织建立情况': '筹建中',
    '培训材料管理制度': '教材由教研组审核后报区教育局备案',
    '资金监管银行': '中国工商银行长春红旗街支行',
    /* Each institution has its own supervised account: one account filed twice is refused. */
    '监管账户账号': `42002012092${String(randomInt(0, 100_000_000)).padStart(8, '0')}`,
    '资金监管方式': '银行托管',
    '收费渠道': '微信支付、支付宝',
    '办学场地-办学地址': '红旗街 1 号 2 楼',
    '办学场地-面积（平方米）': 260,
    '办学场地-场地权属': '自有',
    '客服渠道1': '0431-85550000',
    '客服渠道2': 'kefu@example.cn',
    '教学人员数': 8,
    '教研人员数': 1,
    '其他人员数': 2,
    '总面积（平方米）': 260,
    '教室数量': 5,
    '最大同时培训人数': 60,
    '安全设施与应急预案': '消防器材齐全，定期演练',
    '课程概况': '青少年篮球、足球、美术课程',
  }
}

test.group('Batch import from the Excel template', (group) => {
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    /* The supervising bank the template rows name is one of the register's. */
    await registerSupervisingBanks('中国工商银行长春红旗街支行')
    return rollback
  })

  test('bad rows are listed by row and column and nothing is written', async ({
    client,
    assert,
  }) => {
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const headers = await templateHeaders(client, county.user)
    assert.include(headers, '*机构名称')
    assert.include(headers, '*统一社会信用代码')
    const duplicate = creditCode()
    const bytes = await workbook(headers, [
      row(headers, goodRow('红旗街体育培训中心', duplicate)),
      row(headers, { ...goodRow('坏数据培训学校'), 统一社会信用代码: '123', 办学性质: '慈善' }),
      row(headers, { ...goodRow('外省培训学校'), 所在区县: '130102' }),
      row(headers, goodRow('重复代码培训学校', duplicate)),
    ])
    const uploaded = await client
      .post(urlFor('imports.store'))
      .loginAs(county.user)
      .file('file', bytes, { filename: '机构.xlsx' })
      .withCsrfToken()
      .redirects(0)
    const batchId = Number(uploaded.header('location')!.split('/').pop())
    const batch = await db.from('import_batches').where('id', batchId).firstOrFail()
    assert.equal(batch.status, 'invalid')
    const problems = batch.row_errors.map((e: any) => `${e.row}:${e.field}`)
    assert.includeMembers(problems, [
      '4:统一社会信用代码',
      '4:办学性质',
      '5:所在区县',
      '6:统一社会信用代码',
    ])
    assert.notInclude(problems.join(), '3:', 'the good row has no error')
    const page = await client.get(urlFor('imports.show', { id: batchId })).loginAs(county.user)
    page.assertTextIncludes('未写入任何数据')
    page.assertTextIncludes('不在您所辖地区内')
    assert.lengthOf(await db.from('institutions'), 0)
    const refused = await client
      .post(urlFor('imports.run', { id: batchId }))
      .header('referer', '/x')
      .loginAs(county.user)
      .withCsrfToken()
      .redirects(0)
    refused.assertFlashMessage('error', '该文件当前不能导入')
  })

  test('a valid file imports with progress; the same file again creates no duplicates', async ({
    client,
    assert,
  }) => {
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const headers = await templateHeaders(client, county.user)
    const bytes = await workbook(headers, [
      row(headers, goodRow('红旗街体育培训中心')),
      row(headers, goodRow('红旗街美术培训中心')),
    ])
    const uploaded = await client
      .post(urlFor('imports.store'))
      .loginAs(county.user)
      .file('file', bytes, { filename: '机构.xlsx' })
      .withCsrfToken()
      .redirects(0)
    const batchId = Number(uploaded.header('location')!.split('/').pop())
    assert.equal(
      (await db.from('import_batches').where('id', batchId).firstOrFail()).status,
      'ready'
    )
    await client
      .post(urlFor('imports.run', { id: batchId }))
      .loginAs(county.user)
      .withCsrfToken()
    const done = await db.from('import_batches').where('id', batchId).firstOrFail()
    assert.equal(done.status, 'done')
    assert.equal(done.created_count, 2)
    const progress = await client
      .get(urlFor('imports.show', { id: batchId }))
      .loginAs(county.user)
      .header('hx-request', 'true')
    progress.assertTextIncludes('已处理 2 / 2 行，新增 2 个')

    const institutions = await db.from('institutions').orderBy('id')
    assert.deepEqual(
      institutions.map((i) => `${i.name}:${i.filing_status}:${i.list_status}:${i.source}`),
      ['红旗街体育培训中心:approved:white:import', '红旗街美术培训中心:approved:white:import']
    )
    const basic = await db.from('filing_sections').where('section', 'basic').firstOrFail()
    assert.match(basic.data.legalRepIdNumber, /\*/, 'personal data is sealed on import too')

    const again = await client
      .post(urlFor('imports.store'))
      .loginAs(county.user)
      .file('file', bytes, { filename: '机构.xlsx' })
      .withCsrfToken()
      .redirects(0)
    again.assertFlashMessage('success')
    const secondId = Number(again.header('location')!.split('/').pop())
    await client
      .post(urlFor('imports.run', { id: secondId }))
      .loginAs(county.user)
      .withCsrfToken()
    assert.lengthOf(await db.from('institutions'), 2)
    assert.equal(
      (await db.from('import_batches').where('id', secondId).firstOrFail()).updated_count,
      2
    )
  })

  test('a county of another province cannot overwrite an institution by import', async ({
    client,
    assert,
  }) => {
    /* A Jilin institution brought in by its own county's import. */
    const jilin = await createFiledInstitution({ regionCode: '220104', name: '吉林启明星培训学校' })
    await db.from('institutions').where('id', jilin.id).update({ source: 'import' })
    const before = await db
      .from('filing_sections')
      .where('institution_id', jilin.id)
      .orderBy('section')
    const hebei = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '130102',
    })
    const headers = await templateHeaders(client, hebei.user)
    const bytes = await workbook(headers, [
      row(headers, { ...goodRow('冒名培训学校', jilin.creditCode!), 所在区县: '130102' }),
    ])

    const batch = await batchOf(await upload(client, hebei.user, bytes))
    assert.equal(batch.status, 'invalid')
    assert.deepEqual(batch.row_errors, [
      {
        row: 3,
        field: '统一社会信用代码',
        message: '该统一社会信用代码的机构属于其他地区，不能通过导入修改',
      },
    ])
    const page = await client.get(urlFor('imports.show', { id: batch.id })).loginAs(hebei.user)
    page.assertTextIncludes('该统一社会信用代码的机构属于其他地区')

    const after = await db.from('institutions').where('id', jilin.id).firstOrFail()
    assert.equal(after.name, '吉林启明星培训学校')
    assert.equal(after.region_code, '220104')
    assert.deepEqual(
      await db.from('filing_sections').where('institution_id', jilin.id).orderBy('section'),
      before
    )
  })

  test("an import row for another region's credit code is an error and nothing is written", async ({
    client,
    assert,
  }) => {
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const headers = await templateHeaders(client, county.user)
    const contested = creditCode()
    const bytes = await workbook(headers, [
      row(headers, goodRow('红旗街体育培训中心')),
      row(headers, goodRow('后被外地登记的机构', contested)),
    ])
    const batchId = await upload(client, county.user, bytes)
    assert.equal((await batchOf(batchId)).status, 'ready')

    /* Between the check and the run the code turns up in Hebei: the run checks again, under the row lock. */
    const hebei = await createFiledInstitution({ regionCode: '130102', name: '河北某培训学校' })
    await db
      .from('institutions')
      .where('id', hebei.id)
      .update({ credit_code: contested, source: 'import' })
    await client
      .post(urlFor('imports.run', { id: batchId }))
      .loginAs(county.user)
      .withCsrfToken()

    const done = await batchOf(batchId)
    assert.equal(done.status, 'done')
    assert.deepEqual([done.created_count, done.updated_count, done.skipped_count], [1, 0, 1])
    assert.deepEqual(
      done.row_errors.map((e: any) => `${e.row}:${e.message}`),
      ['4:该统一社会信用代码的机构属于其他地区，不能通过导入修改']
    )
    const untouched = await db.from('institutions').where('id', hebei.id).firstOrFail()
    assert.deepEqual([untouched.name, untouched.region_code], ['河北某培训学校', '130102'])
    assert.lengthOf(await db.from('institutions').where('name', '后被外地登记的机构'), 0)
    const page = await client.get(urlFor('imports.show', { id: batchId })).loginAs(county.user)
    page.assertTextIncludes('有 1 行在导入时被拒绝，未写入')
  })

  test('a self-filed draft is not taken over by an import of its credit code', async ({
    client,
    assert,
  }) => {
    const draft = await createFiledInstitution({ regionCode: '220104', name: '自行填报的机构' })
    await db
      .from('institutions')
      .where('id', draft.id)
      .update({ filing_status: 'draft', approved_at: null })
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const headers = await templateHeaders(client, county.user)
    const batch = await batchOf(
      await upload(
        client,
        county.user,
        await workbook(headers, [row(headers, goodRow('导入的同代码机构', draft.creditCode!))])
      )
    )
    assert.equal(batch.status, 'invalid')
    assert.deepEqual(
      batch.row_errors.map((e: any) => e.message),
      ['该代码已有机构自行填报，请联系机构或处理争议']
    )
    const after = await db.from('institutions').where('id', draft.id).firstOrFail()
    assert.deepEqual(
      [after.name, after.filing_status, after.source],
      ['自行填报的机构', 'draft', 'self']
    )
  })

  test("a re-import never moves an institution's supervised account, nor files another institution's", async ({
    client,
    assert,
  }) => {
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const headers = await templateHeaders(client, county.user)
    const first = goodRow('红旗街书法培训中心')
    const runFile = async (rows: Record<string, string | number>[]) => {
      const batchId = await upload(
        client,
        county.user,
        await workbook(
          headers,
          rows.map((r) => row(headers, r))
        )
      )
      await client
        .post(urlFor('imports.run', { id: batchId }))
        .loginAs(county.user)
        .withCsrfToken()
      return batchOf(batchId)
    }
    assert.equal((await runFile([first])).created_count, 1)
    const created = await db
      .from('institutions')
      .where('credit_code', first.统一社会信用代码)
      .firstOrFail()

    /* The same institution with a new account number: refused, the filed account stays. */
    const moved = await runFile([{ ...first, 监管账户账号: '4200201209299999999' }])
    assert.deepEqual([moved.updated_count, moved.skipped_count], [0, 1])
    assert.deepEqual(
      moved.row_errors.map((e: any) => `${e.row}:${e.field}:${e.message}`),
      ['3:监管账户账号:监管账户信息须由机构提交变更申请、经审核后修改，导入不能更改']
    )
    const operations = await db
      .from('filing_sections')
      .where('institution_id', created.id)
      .where('section', 'operations')
      .firstOrFail()
    assert.equal(operations.data.supervisedAccount, first.监管账户账号)

    /* A new institution naming the first one's account: refused, nothing created. */
    const squatting = await runFile([
      { ...goodRow('用别人账户的机构'), 监管账户账号: first.监管账户账号 },
    ])
    assert.deepEqual([squatting.created_count, squatting.skipped_count], [0, 1])
    assert.match(squatting.row_errors[0].message, /另一家机构备案/)
    assert.lengthOf(await db.from('institutions').where('name', '用别人账户的机构'), 0)
  })

  test('a zip bomb spreadsheet is refused without being inflated', async ({ client, assert }) => {
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const loads = countWorkbookLoads()
    try {
      /* 60 MB of sheet XML in a few dozen KB: refused from the zip's directory alone. */
      const huge = await batchOf(
        await upload(client, county.user, bombZip({ realBytes: 60 * 1024 * 1024 }))
      )
      assert.equal(huge.status, 'failed')
      assert.equal(
        huge.failure,
        '文件解压后约 60 MB，超过 50 MB 的上限，未读取。请拆分为多个文件上传。'
      )
      /* Under the total but compressed a thousand times: a bomb by its ratio. */
      const dense = await batchOf(
        await upload(client, county.user, bombZip({ realBytes: 8 * 1024 * 1024 }))
      )
      assert.equal(dense.failure, '文件压缩比异常（超过 100 倍），可能是恶意文件，未读取。')
      /* A directory that lies (declares 2 KB): inflation stops at the declared size. */
      const liar = await batchOf(
        await upload(
          client,
          county.user,
          bombZip({ realBytes: 200 * 1024 * 1024, declaredBytes: 2048 })
        )
      )
      assert.equal(liar.failure, '文件已损坏或格式不受支持，未读取。请用 Excel 重新保存后上传。')
      assert.equal(loads.count, 0, 'the workbook parser never saw the files')
      const page = await client.get(urlFor('imports.show', { id: huge.id })).loginAs(county.user)
      page.assertTextIncludes('超过 50 MB 的上限')
    } finally {
      loads.restore()
    }
  })

  test('files that are not spreadsheets are refused with a message', async ({ client }) => {
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const response = await client
      .post(urlFor('imports.store'))
      .header('referer', '/manage/imports')
      .loginAs(county.user)
      .file('file', Buffer.from('hello'), { filename: 'notes.txt' })
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/manage/imports')
  })
})

test.group('Prohibited-persons list import', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  /* The upload only queues the file (tests run the queue inline); the list page shows each file's result. */
  test('a list with a bad row writes nothing; a good list is imported', async ({
    client,
    assert,
  }) => {
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const headers = ['姓名', '身份证号', '原因', '来源']
    const bad = await workbook(
      headers,
      [
        ['张某', residentId(501), '性侵害', '判决书'],
        ['李某', '123', '暴力', ''],
      ],
      false
    )
    const refused = await client
      .post(urlFor('prohibited.import'))
      .loginAs(county.user)
      .file('file', bad, { filename: 'list.xlsx' })
      .withCsrfToken()
      .redirects(0)
    refused.assertFlashMessage('success', '文件已上传，正在后台检查和导入，结果见下方')
    assert.lengthOf(await db.from('prohibited_persons'), 0)
    const problems = await client.get(urlFor('prohibited.index')).loginAs(county.user)
    problems.assertTextIncludes('文件中有 1 处问题，未写入任何数据')
    problems.assertTextIncludes('身份证号码无效')

    const good = await workbook(
      headers,
      [
        ['张某', residentId(501), '性侵害', '判决书'],
        ['李某', residentId(502), '暴力', ''],
      ],
      false
    )
    await client
      .post(urlFor('prohibited.import'))
      .loginAs(county.user)
      .file('file', good, { filename: 'list.xlsx' })
      .withCsrfToken()
      .redirects(0)
    assert.lengthOf(await db.from('prohibited_persons'), 2)
    const page = await client.get(urlFor('prohibited.index')).loginAs(county.user)
    page.assertTextIncludes('已导入 2 人，0 人已在库中')
  })

  test('the prohibited-persons import is parsed by the job, not the web request', async ({
    client,
    assert,
  }) => {
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const good = await workbook(
      ['姓名', '身份证号', '原因', '来源'],
      [
        ['张某', residentId(511), '性侵害', '判决书'],
        ['李某', residentId(512), '暴力', ''],
      ],
      false
    )
    const fake = queue.fake()
    const loads = countWorkbookLoads()
    let batch
    try {
      await client
        .post(urlFor('prohibited.import'))
        .loginAs(county.user)
        .file('file', good, { filename: 'list.xlsx' })
        .withCsrfToken()
        .redirects(0)
      assert.equal(loads.count, 0, 'the web request did not parse the workbook')
      batch = await db
        .from('import_batches')
        .where('kind', 'prohibited_persons')
        .where('uploaded_by_id', county.id)
        .firstOrFail()
      assert.equal(batch.status, 'validating')
      fake.assertPushed(ImportProhibitedPersonsJob, { payload: { batchId: Number(batch.id) } })
      assert.lengthOf(await db.from('prohibited_persons'), 0)
      const waiting = await client.get(urlFor('prohibited.index')).loginAs(county.user)
      waiting.assertTextIncludes('正在后台检查')
    } finally {
      queue.restore()
    }
    try {
      /* What the worker runs. */
      await new ImportProhibitedPersons().handle(Number(batch.id))
      assert.equal(loads.count, 1, 'the job parsed it')
    } finally {
      loads.restore()
    }
    const done = await batchOf(Number(batch.id))
    assert.deepEqual([done.status, done.created_count, done.skipped_count], ['done', 2, 0])
    assert.lengthOf(await db.from('prohibited_persons'), 2)
    /* An institution batch page never serves a list batch, nor can it be run. */
    const asInstitutions = await client
      .get(urlFor('imports.show', { id: batch.id }))
      .loginAs(county.user)
    asInstitutions.assertStatus(404)
  })

  test('a list that cannot be read marks its batch failed, not left checking', async ({
    client,
    assert,
  }) => {
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    await client
      .post(urlFor('prohibited.import'))
      .loginAs(county.user)
      .file('file', bombZip({ realBytes: 60 * 1024 * 1024 }), { filename: 'list.xlsx' })
      .withCsrfToken()
      .redirects(0)
    const batch = await db
      .from('import_batches')
      .where('kind', 'prohibited_persons')
      .where('uploaded_by_id', county.id)
      .firstOrFail()
    assert.equal(batch.status, 'failed')
    const page = await client.get(urlFor('prohibited.index')).loginAs(county.user)
    page.assertTextIncludes('超过 50 MB 的上限')
  })
})

test.group('Prohibited-persons list by region', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a bureau lists the entries of its region and below, never another province', async ({
    client,
    assert,
  }) => {
    const account = (adminLevel: 'ministry' | 'province' | 'county', regionCode: string) =>
      createTestAccount({ role: 'admin', adminLevel, regionCode })
    const changchun = await account('county', '220104')
    const hebeiCounty = await account('county', '130102')
    const add = (who: Awaited<ReturnType<typeof account>>, name: string, seq: number) =>
      client
        .post(urlFor('prohibited.store'))
        .loginAs(who.user)
        .form({ name, idNumber: residentId(seq), reason: 'violence' })
        .withCsrfToken()
        .redirects(0)
    ;(await add(changchun, '长春某甲', 811)).assertStatus(302)
    ;(await add(hebeiCounty, '石家庄某乙', 812)).assertStatus(302)

    const seenBy = async (who: Awaited<ReturnType<typeof account>>) =>
      (await client.get(urlFor('prohibited.index')).loginAs(who.user)).text()
    /* The list shows names masked (长**甲). */
    const jilin = await seenBy(await account('province', '220000'))
    const hebei = await seenBy(hebeiCounty)
    const national = await seenBy(await account('ministry', '000000'))

    assert.include(jilin, '长**甲')
    assert.notInclude(jilin, '石***乙')
    assert.include(hebei, '石***乙')
    assert.notInclude(hebei, '长**甲')
    assert.include(national, '长**甲')
    assert.include(national, '石***乙')
  })
})
