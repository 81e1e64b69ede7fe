import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { truncateAll } from '#tests/helpers/database'
import { signContract, signIn } from '#tests/helpers/browser'
import { createTestAccount } from '#testing/identity'
import { residentId } from '#testing/registry'
import { withPhoto, world } from '../functional/helpers.js'

const day = (n: number) => DateTime.now().setZone('Asia/Shanghai').plus({ days: n })

test.group('Browser: a course from creation to a signed contract', (group) => {
  group.each.setup(() => truncateAll())
  /* Browser tests commit; leave nothing behind for the suites that run after. */
  group.each.teardown(() => truncateAll())

  test('create an academic course, fix a Jilin violation, get it approved, find it, sign the contract, download the PDF', async ({
    visit,
    browserContext,
    assert,
  }) => {
    /* A Jilin online institution whose teacher shows name, photo and certificate. */
    const w = await world({ regionCode: '220104', delivery: 'online', categories: ['academic'] })
    await withPhoto(w.teacher.id, w.institution.id)
    await db
      .from('staff')
      .where('id', w.teacher.id)
      .update({ name: '林晓雨', teaches_academic: true })
    const province = await createTestAccount({
      role: 'admin',
      adminLevel: 'province',
      regionCode: '220000',
      unitName: '吉林省教育厅',
    })
    const parent = await createTestAccount({ role: 'parent', displayName: '王丽' })
    const start = day(5)

    /* The institution creates the course with 45-minute classes. */
    const page = await visit('/login')
    await signIn(page, page.url(), w.owner)
    await page.getByRole('link', { name: '课程管理' }).first().click()
    await page.getByTestId('new-course').click()
    await page.getByLabel('课程名称').fill('小学英语阅读（直播）')
    await page.locator('#field-kind').selectOption('academic')
    await page.locator('#field-subject').selectOption('english')
    await page.getByLabel('四年级').check()
    await page.getByLabel('课程介绍').fill('分级读物精读与泛读结合，课堂内完成练习。')
    await page.locator('#field-delivery').selectOption('online')
    await page.getByLabel('直播授课').check()
    await page.locator(`input[name="teacherIds[]"][value="${w.teacher.id}"]`).check()
    await page.getByLabel('班级人数上限').fill('20')
    await page.getByLabel('最低开班人数').fill('3')
    await page.getByLabel('开课日期').fill(start.toISODate()!)
    await page.getByLabel('结课日期').fill(start.plus({ weeks: 10 }).toISODate()!)
    await page.getByLabel('每课时时长（分钟）').fill('45')
    await page.locator('#slot-0-weekday').selectOption(String(start.weekday))
    await page.locator('#slot-0-start').fill('19:00')
    await page.locator('#slot-1-weekday').selectOption(String((start.weekday % 7) + 1))
    await page.locator('#slot-1-start').fill('19:00')
    await page.getByLabel('每课时价格（元）').fill('18')
    await page.getByLabel('每次收取课时数').fill('20')
    await page.getByTestId('save-course').click()

    /* Jilin's rule stops it, saying which rule, whose, and how to fix it; what was typed is still there. */
    const violations = page.getByTestId('violations')
    await violations.waitFor()
    assert.include(await violations.innerText(), '每节课 45 分钟，超过 40 分钟')
    assert.include(await violations.innerText(), '吉教联〔2019〕75号')
    assert.include(await violations.innerText(), '把每节课时长改为不超过 40 分钟')
    assert.equal(await page.getByLabel('课程名称').inputValue(), '小学英语阅读（直播）')
    assert.equal(
      await db
        .from('courses')
        .count('* as n')
        .then((r) => Number(r[0].n)),
      0
    )

    await page.getByLabel('每课时时长（分钟）').fill('40')
    await page.getByTestId('save-course').click()
    await page.waitForURL(/\/institution\/courses\/\d+$/)
    await page.getByTestId('submit-course').click()
    await page.waitForLoadState('networkidle')
    assert.equal(await page.getByTestId('course-status').innerText(), '待审核')
    const course = await db.from('courses').firstOrFail()

    /* The province (online institutions answer to it) approves the course. */
    const bureau = await browserContext.browser()!.newContext({ locale: 'zh-CN' })
    const admin = await bureau.newPage()
    await signIn(admin, page.url(), province)
    await admin.goto(new URL('/manage/courses?status=pending', page.url()).toString())
    await admin.getByRole('link', { name: '小学英语阅读（直播）' }).click()
    await admin.getByTestId('rules-pass').waitFor()
    await admin.getByTestId('approve-course').click()
    await admin.waitForLoadState('networkidle')
    assert.equal(await admin.getByTestId('course-status').innerText(), '在售')

    /* A parent finds it in public search and opens it: fees in full, the teacher shown. */
    const family = await browserContext
      .browser()!
      .newContext({ locale: 'zh-CN', acceptDownloads: true })
    const home = await family.newPage()
    await signIn(home, page.url(), parent)
    await home.goto(new URL('/courses', page.url()).toString())
    await home.getByTestId('course-q').fill('英语')
    await home.locator('select[name="kind"]').selectOption('academic')
    await home.getByRole('button', { name: '搜索' }).click()
    await home.waitForFunction(
      () => !document.querySelector('.htmx-request, .htmx-settling, .htmx-swapping')
    )
    await home.getByRole('link', { name: '小学英语阅读（直播）' }).click()
    await home.waitForURL(`**/courses/${course.id}`)
    assert.include(await home.getByTestId('fee-per-class').innerText(), '¥18.00')
    assert.include(
      await home.getByTestId('fee-total').innerText(),
      `¥${(18 * course.class_count).toFixed(2)}`
    )
    assert.include(await home.getByTestId('course-teachers').innerText(), '林晓雨')
    assert.include(await home.getByTestId('course-teachers').innerText(), '20232200000001')
    assert.equal(await home.getByTestId('course-teachers').locator('img').count(), 1)

    /* The parent signs the contract. */
    await signContract(home, {
      studentIdNumber: residentId(808),
      grade: 'p4',
      password: parent.password!,
      beforeSigning: async () =>
        assert.include(await home.getByTestId('contract-body').innerText(), '第五条 退费'),
    })

    /* The PDF downloads, and its hash is the one stored at signing. */
    const contract = await db.from('contracts').firstOrFail()
    assert.equal(await home.getByTestId('pdf-hash').innerText(), contract.pdf_sha256)
    assert.equal(await home.getByTestId('content-hash').innerText(), contract.content_sha256)
    const [download] = await Promise.all([
      home.waitForEvent('download'),
      home.getByTestId('download-pdf').click(),
    ])
    const bytes = await readFile((await download.path())!)
    assert.equal(download.suggestedFilename(), `${contract.number}.pdf`)
    assert.equal(createHash('sha256').update(bytes).digest('hex'), contract.pdf_sha256)

    await bureau.close()
    await family.close()
  })
})
