import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import ExcelJS from 'exceljs'
import db from '@adonisjs/lucid/services/db'
import type { Browser, Page } from 'playwright'
import { truncateAll } from '#tests/helpers/database'
import { signIn } from '#tests/helpers/browser'
import { createTestAccount } from '#testing/identity'
import { lastMessageTo } from '#testing/messages'
import { createFiledInstitution, createStaffMember, residentId } from '#testing/registry'
import { courseDraft, createCourse, signedContractFixture } from '#testing/catalog'
import { fundsRecordsFor } from '#testing/funds'
import { complaintState, runComplaintDeadlines } from '#testing/complaints'
import { refreshAllRollups, refreshDirtyRollups } from '../../services/rollups.js'

const COUNTY = '220104'

/** The complaint figures of the dashboard's complaints table (by metric: the raw `data-value` and the text shown). */
type Figures = Record<string, { value: string; text: string }>

async function cells(page: Page, selector: string): Promise<Figures> {
  const out: Figures = {}
  for (const cell of await page.locator(selector).all()) {
    out[(await cell.getAttribute('data-metric'))!] = {
      value: (await cell.getAttribute('data-value'))!,
      text: (await cell.innerText()).trim(),
    }
  }
  return out
}

/** What the county's dashboard shows about complaints: headline, the complaints table (total and the institution's row), the type breakdown. */
async function dashboard(page: Page, institutionId: number) {
  await page.goto(new URL('/manage/reports', page.url()).toString())
  await page.getByTestId('refreshed-at').waitFor()
  const table = '[data-testid="table-complaints"]'
  return {
    headline: await cells(page, '[data-testid="report-totals"] [data-metric^="complaints"]'),
    total: await cells(page, `${table} tfoot tr[data-row="total"] td[data-metric]`),
    institution: await cells(
      page,
      `${table} tbody tr[data-row="${COUNTY}:${institutionId}"] td[data-metric]`
    ),
    types: await cells(page, '[data-testid="table-complaint_types"] td[data-metric]'),
  }
}

const num = (f: Figures, metric: string) => {
  if (!(metric in f)) throw new Error(`dashboard shows no ${metric}`)
  return Number(f[metric]!.value)
}

/** The trail as the page shows it: the step codes and their labels, oldest first. */
async function trail(page: Page) {
  const items = page.getByTestId('case-trail').locator('li[data-step]')
  return {
    steps: await items.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-step'))),
    text: await page.getByTestId('case-trail').innerText(),
  }
}

async function newPage(browser: Browser) {
  return (await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage()
}

test.group('Browser: a complaint from filing to a rated result on the dashboard', (group) => {
  group.each.setup(() => truncateAll())
  group.each.teardown(() => truncateAll())

  test('parent files, institution misses its deadline, county resolves, parent rates; dashboard and Excel move by exactly one case', async ({
    visit,
    browserContext,
    assert,
  }) => {
    /* 1. An institution in 长春市朝阳区 with its owner, a parent with a signed contract and a paid order, the county bureau. */
    const institution = await createFiledInstitution({
      regionCode: COUNTY,
      name: '长春启明星艺术培训学校',
    })
    const teacher = await createStaffMember(institution.id, '李老师', residentId(321))
    const owner = await createTestAccount({
      role: 'institution_owner',
      regionCode: COUNTY,
      orgType: 'institution',
      orgId: institution.id,
    })
    const course = await createCourse(
      institution.id,
      courseDraft({ teacherIds: [teacher.id], name: '少儿美术启蒙班' }),
      'on_sale'
    )
    const parent = await createTestAccount({ role: 'parent', displayName: '王丽' })
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: COUNTY,
      unitName: '长春市朝阳区教育局',
    })
    const contractId = await signedContractFixture(course.id, parent.id)
    const { orderId } = await fundsRecordsFor(contractId)
    const browser = browserContext.browser()!

    /* 2. The county's dashboard before anything is filed (the nightly full rebuild has run). */
    await refreshAllRollups()
    const bureau = await visit('/login')
    await signIn(bureau, bureau.url(), county)
    const before = await dashboard(bureau, institution.id)
    assert.equal(num(before.headline, 'complaints'), num(before.total, 'complaints'))
    assert.isNotEmpty(before.institution, 'the institution has a row on the county dashboard')

    /* 3. The parent files a service complaint about the order from 我的投诉. */
    const home = await newPage(browser)
    await signIn(home, bureau.url(), parent)
    await home.getByRole('link', { name: '我的投诉' }).first().click()
    await home.waitForURL(/\/parent\/complaints$/)
    await home.getByTestId('new-complaint').click()
    await home.getByLabel('相关订单').selectOption(String(orderId))
    await home.locator('#field-targetType').selectOption({ label: '校外培训机构' })
    await home.locator('#field-complaintType').selectOption({ label: '服务质量' })
    await home
      .getByLabel('投诉内容')
      .fill('老师连续三次临时调课，未提前通知，孩子白跑了三趟，要求机构说明并补课。')
    await home.getByLabel('联系电话').fill('13800138000')
    await home.getByTestId('submit-complaint').click()
    await home.waitForURL(/\/complaints\/cases\/TS\d{16}$/)
    const number = home.url().match(/TS\d{16}$/)![0]
    assert.include(await home.locator('.alert--success').innerText(), number)
    assert.equal(await home.getByTestId('case-status').innerText(), '机构处理中')
    assert.equal(await home.getByTestId('case-timely').innerText(), '是')
    assert.include(await home.getByTestId('case-facts').innerText(), '长春启明星艺术培训学校')
    assert.deepEqual((await trail(home)).steps, ['filed', 'to_institution'])
    assert.include((await trail(home)).text, '转机构客服处理')

    const row = await db.from('complaints').where('number', number).firstOrFail()
    assert.equal(row.order_id, orderId)
    assert.equal(row.institution_id, institution.id)
    const filed = await complaintState(row.id)
    assert.equal(filed.status, 'with_institution')
    assert.equal(await home.getByTestId('case-due').innerText(), filed.dueOn)

    /* 4. The institution lets the deadline pass: the sweep, run the day after, takes the case to the county. */
    const dayAfterDue = DateTime.fromISO(filed.dueOn!).plus({ days: 1 }).toISODate()!
    assert.deepEqual(
      await runComplaintDeadlines(filed.dueOn!),
      { reminded: 1, escalated: 0, closedSilently: 0 },
      'on the due date itself the institution is only reminded'
    )
    assert.deepEqual(await runComplaintDeadlines(dayAfterDue), {
      reminded: 0,
      escalated: 1,
      closedSilently: 0,
    })
    const escalated = await complaintState(row.id)
    assert.equal(escalated.status, 'submitted')
    assert.equal(escalated.stage, 'bureau')
    assert.equal(escalated.handler, COUNTY)
    assert.isFalse(escalated.timely)
    assert.isTrue(
      escalated.dueOn! > dayAfterDue,
      'the county gets a fresh deadline counted from the day it received the case'
    )

    /* The institution sees the case gone to the county, marked late, and can no longer answer it. */
    const school = await newPage(browser)
    await signIn(school, home.url(), owner)
    await school.goto(new URL('/institution/complaints', home.url()).toString())
    assert.equal(await school.getByTestId(`case-${number}`).count(), 0, 'nothing left to answer')
    await school.goto(new URL('/institution/complaints?tab=all', home.url()).toString())
    await school.getByTestId(`case-${number}`).getByRole('link').click()
    assert.equal(await school.getByTestId('case-status').innerText(), '待受理')
    assert.equal(await school.getByTestId('case-timely').innerText(), '否（曾逾期）')
    const late = await trail(school)
    assert.deepEqual(late.steps, [
      'filed',
      'to_institution',
      'reminded',
      'institution_overdue',
      'to_bureau',
    ])
    assert.include(late.text, '机构逾期未答复，自动上报')
    assert.include(late.text, '长春市朝阳区教育局')
    assert.equal(await school.getByTestId('respond').count(), 0)
    /* Nor does a late answer posted straight to the server get through. */
    const answer = await school.request.post(
      new URL(`/institution/complaints/${row.id}/respond`, home.url()).toString(),
      {
        form: {
          _csrf: await school.locator('input[name="_csrf"]').first().inputValue(),
          response: '我们已安排补课，请家长谅解。',
        },
        headers: { accept: 'application/json' },
        maxRedirects: 0,
      }
    )
    assert.equal(answer.status(), 409)
    assert.include(await answer.text(), '该投诉当前状态不能进行此操作')
    assert.equal((await complaintState(row.id)).status, 'submitted')
    assert.isNull(
      (await db.from('complaints').where('id', row.id).firstOrFail()).institution_response
    )

    /* The parent sees the same. */
    await home.reload()
    assert.equal(await home.getByTestId('case-status').innerText(), '待受理')
    assert.equal(await home.getByTestId('case-timely').innerText(), '否（曾逾期）')
    assert.include((await trail(home)).text, '机构逾期未答复，自动上报')

    /* While the county holds it, the dashboard counts one received and open case; nothing is closed yet. */
    await refreshDirtyRollups()
    const pending = await dashboard(bureau, institution.id)
    for (const [metric, moved] of [
      ['complaints', 1],
      ['complaints.open', 1],
      ['complaints.closed', 0],
      ['complaints.overdue', 0],
    ] as const) {
      assert.equal(
        num(pending.total, metric) - num(before.total, metric),
        moved,
        `while open: ${metric}`
      )
      assert.equal(
        num(pending.institution, metric) - num(before.institution, metric),
        moved,
        `while open, institution row: ${metric}`
      )
    }
    assert.deepEqual(pending.total['complaints.timely_rate'], { value: '', text: '—' })

    /* 5. The county accepts the case from its desk and replies: resolved. */
    await bureau.getByRole('link', { name: '投诉举报' }).first().click()
    await bureau.waitForURL(/\/manage\/complaints/)
    await bureau.getByTestId(`case-${number}`).getByRole('link').click()
    assert.equal(await bureau.getByTestId('case-status').innerText(), '待受理')
    await bureau.getByTestId('accept-case').click()
    await bureau.locator('.alert--success').waitFor()
    assert.equal(await bureau.getByTestId('case-status').innerText(), '办理中')
    await bureau
      .getByLabel('处理答复')
      .fill(
        '经核实，机构三次调课未提前通知属实。已责令机构补足三次课时并书面致歉，机构已于本周完成补课。'
      )
    await bureau.locator('#field-outcome').selectOption('resolved')
    await bureau.getByTestId('reply-case').click()
    await bureau.locator('.alert--success').waitFor()
    assert.equal(await bureau.getByTestId('case-status').innerText(), '已答复')
    assert.include(await bureau.getByTestId('case-facts').innerText(), '已解决')
    /* The complainant is told at their account's own phone, never at a number typed on the form that nobody proved. */
    assert.include(await lastMessageTo(parent.phone), `您的投诉 ${number} 已有处理答复`)
    assert.isNull(await lastMessageTo('13800138000'))

    /* 6. The parent accepts the result and gives five stars. */
    await home.reload()
    assert.include(await home.getByTestId('bureau-reply').innerText(), '已责令机构补足三次课时')
    await home.getByTestId('accept-result').click()
    await home.locator('.alert--success').waitFor()
    assert.equal(await home.getByTestId('case-status').innerText(), '已办结')
    assert.include(await home.getByTestId('case-facts').innerText(), '已解决')
    await home.locator('#field-rating').selectOption('5')
    await home.getByLabel('评价意见').fill('处理及时，问题已解决。')
    await home.getByTestId('rate').click()
    await home.locator('.alert--success').waitFor()
    assert.equal(await home.getByTestId('case-status').innerText(), '已办结')
    assert.include(await home.getByTestId('case-rating').innerText(), '★★★★★')
    assert.notInclude(await home.getByTestId('case-rating').innerText(), '★★★★★★')
    assert.equal(await home.getByTestId('case-timely').innerText(), '否（曾逾期）')
    assert.equal(await home.getByTestId('rate').count(), 0, 'rated once')
    const done = await trail(home)
    const journey = [
      'filed',
      'to_institution',
      'reminded',
      'institution_overdue',
      'to_bureau',
      'accepted',
      'replied_resolved',
      'result_accepted',
      'rated',
    ]
    assert.deepEqual(done.steps, journey)
    await home.getByRole('link', { name: '我的投诉' }).first().click()
    const listed = await home.getByTestId(`case-${number}`).innerText()
    assert.include(listed, '已办结')
    assert.include(listed, '及时响应：否（曾逾期）')
    const closed = await complaintState(row.id)
    assert.deepEqual(closed.steps, journey)
    assert.equal(closed.status, 'closed')
    assert.equal(closed.outcome, 'resolved')
    assert.isFalse(closed.timely)

    /* 7. The 15-minute refresh picks the case up; the county's figures move by exactly this case. */
    await refreshDirtyRollups()
    const after = await dashboard(bureau, institution.id)
    const delta = (f: keyof typeof before, metric: string) =>
      num(after[f], metric) - num(before[f], metric)
    for (const part of ['headline', 'total', 'institution'] as const) {
      assert.equal(delta(part, 'complaints'), 1, `${part}: received`)
    }
    for (const part of ['total', 'institution'] as const) {
      assert.equal(delta(part, 'complaints.open'), 0, `${part}: open`)
      assert.equal(delta(part, 'complaints.closed'), 1, `${part}: closed`)
      assert.equal(delta(part, 'complaints.overdue'), 0, `${part}: overdue (the case is closed)`)
    }
    assert.equal(delta('headline', 'complaints.overdue'), 0)
    assert.equal(delta('types', 'complaints.type.service'), 1)
    assert.equal(delta('types', 'complaints.type.refund'), 0)
    /* The only closed case was late (timely 0 of 1) and rated five stars (satisfied 1 of 1). */
    assert.deepEqual(after.total['complaints.timely_rate'], { value: '0', text: '0.0%' })
    assert.deepEqual(after.institution['complaints.timely_rate'], { value: '0', text: '0.0%' })
    assert.deepEqual(after.total['complaints.satisfaction'], { value: '1', text: '100.0%' })
    assert.deepEqual(after.institution['complaints.satisfaction'], { value: '1', text: '100.0%' })
    assert.deepEqual(after.headline['complaints.satisfaction'], { value: '1', text: '100.0%' })
    assert.deepEqual(after.headline['complaints'], after.total['complaints'])

    /* The incremental refresh agrees with a full rebuild. */
    await refreshAllRollups()
    assert.deepEqual(await dashboard(bureau, institution.id), after)

    /* 8. "导出 Excel" on the complaints table: the workbook holds the figures the page shows. */
    const [download] = await Promise.all([
      bureau.waitForEvent('download'),
      bureau.getByTestId('export-complaints').click(),
    ])
    assert.match(download.suggestedFilename(), /投诉与评价.*\.xlsx$/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile((await download.path())!)
    const sheet = workbook.worksheets[0]!
    const header = (sheet.getRow(1).values as unknown[]).slice(1)
    const headers = await bureau
      .locator('[data-testid="table-complaints"] thead th')
      .allInnerTexts()
    /* The page leads with 机构; the workbook with 地区 and 机构, then the same figure columns in the same order. */
    assert.deepEqual(
      header.slice(2),
      headers.slice(1).map((h) => h.trim())
    )
    const dataRows: unknown[][] = []
    sheet.eachRow((r, n) => n > 1 && dataRows.push((r.values as unknown[]).slice(1)))
    /* The last row is the county's total, as under the page's table. */
    const totalRow = dataRows.pop()!
    assert.match(String(totalRow[0]), /合计$/)
    const mine = dataRows.filter((r) => r[1] === '长春启明星艺术培训学校')
    assert.lengthOf(mine, 1, 'one row for the institution')
    const metrics = await bureau
      .locator(
        `[data-testid="table-complaints"] tbody tr[data-row="${COUNTY}:${institution.id}"] td[data-metric]`
      )
      .evaluateAll((tds) => tds.map((td) => td.getAttribute('data-metric')!))
    const excel = Object.fromEntries(metrics.map((m, i) => [m, mine[0]![i + 2]]))
    for (const m of metrics) {
      const shown = after.institution[m]!.value
      assert.strictEqual(excel[m], shown === '' ? '—' : Number(shown), `${m} in Excel`)
    }
    assert.strictEqual(excel['complaints'], 1)
    assert.strictEqual(excel['complaints.closed'], 1)
    assert.strictEqual(excel['complaints.timely_rate'], 0)
    assert.strictEqual(excel['complaints.satisfaction'], 1)
    /* The workbook's rows add up to the total the page shows under the table. */
    for (const m of [
      'complaints',
      'complaints.open',
      'complaints.overdue',
      'complaints.closed',
      'reviews',
    ]) {
      const i = metrics.indexOf(m) + 2
      assert.equal(
        dataRows.reduce((sum, r) => sum + Number(r[i]), 0),
        num(after.total, m),
        `Excel rows sum to the page total: ${m}`
      )
      assert.equal(
        Number(totalRow[i]),
        num(after.total, m),
        `Excel total row equals the page total: ${m}`
      )
    }
    /* Rates are fractions shown as per cent, as on the page. */
    const satisfaction = sheet
      .getRow(dataRows.indexOf(mine[0]!) + 2)
      .getCell(header.indexOf('满意率') + 1)
    assert.equal(satisfaction.numFmt, '0.0%')
  }).timeout(120_000)
})
