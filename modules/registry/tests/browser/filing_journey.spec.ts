import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { truncateAll } from '#tests/helpers/database'
import { createTestAccount, uniquePhone } from '#testing/identity'
import { codeIn, lastMessageTo } from '#testing/messages'
import { TINY_PDF, creditCode, registerSupervisingBanks, residentId } from '../../testing.js'
import { RecomputeDueLists } from '../../actions/recompute_due_lists.js'

const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: TINY_PDF })
const inDays = (n: number) => DateTime.now().setZone('Asia/Shanghai').plus({ days: n }).toISODate()!

test.group('Browser: an institution from sign-up to the white list and back', (group) => {
  group.each.setup(() => truncateAll())
  /* Browser tests commit; leave nothing behind for the suites that run after. */
  group.each.teardown(() => truncateAll())

  test('register, file in five parts with a break, be returned, correct, be approved, be found, verify, be inspected', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const NAME = '长春青苗书法培训学校'
    /* The bureaus have registered the bank the owner will choose. */
    await registerSupervisingBanks('中国银行长春朝阳支行')
    /* The owner signs up as an institution. */
    const phone = uniquePhone()
    const page = await visit('/register?as=institution')
    await page.assertTextContains('h1', '培训机构注册')
    await page.getByLabel('手机号').fill(phone)
    await page.getByRole('button', { name: '获取验证码' }).click()
    await page.getByLabel('短信验证码').fill(codeIn(await lastMessageTo(phone))!)
    await page.getByLabel('姓名').fill('周青')
    await page.locator('#field-password').fill('qingmiao 2026')
    await page.locator('#field-passwordConfirmation').fill('qingmiao 2026')
    await page.getByRole('button', { name: '注册并登录' }).click()
    await page.assertPath('/institution')

    /* Part 1, with the region pickers narrowing as the owner chooses. */
    await page.getByRole('link', { name: '备案登记', exact: true }).first().click()
    await page.getByRole('link', { name: '开始登记' }).click()
    await page.getByLabel('机构名称').fill(NAME)
    await page.getByLabel('统一社会信用代码').fill(creditCode())
    await page.getByLabel('办学性质').selectOption('for_profit')
    await page.getByLabel('办学形式').selectOption('offline')
    for (const [level, code] of [
      ['province', '220000'],
      ['city', '220100'],
      ['county', '220104'],
    ] as const) {
      const reloaded = page.waitForResponse((r) => r.url().includes('/regions/picker'))
      await page.locator(`select[name="regionCode_${level}"]`).selectOption(code)
      await reloaded
      /* The new pickers listen only once htmx has settled them. */
      await page.waitForFunction(
        () => !document.querySelector('.htmx-request, .htmx-settling, .htmx-swapping')
      )
    }
    await page.getByLabel('办学地址').fill('长春市朝阳区同志街 88 号')
    await page.locator('#field-legalRepName').fill('周青')
    await page.getByLabel('法定代表人身份证号').fill(residentId(701))
    await page.getByLabel('联系人').fill('周青')
    await page.getByLabel('联系电话').fill('0431-85001234')
    await page.getByRole('button', { name: '保存并继续' }).click()
    await page.assertPath('/institution/filing/qualifications')

    /* Part 2, then the owner leaves and comes back later. */
    await page.getByLabel('办学资质类型').selectOption('offline_licence')
    await page.getByLabel('办学许可证编号').fill('教民 122010470009999 号')
    await page.getByLabel('审批机关').fill('长春市朝阳区教育局')
    await page.getByLabel('许可证有效期起').fill('2024-09-01')
    await page.getByLabel('许可证有效期至').fill('2029-08-31')
    await page.locator('#file-licenceDocument').setInputFiles(pdf('licence.pdf'))
    await page.getByLabel('法人登记类型').selectOption('enterprise')
    await page.getByLabel('法人登记证书编号').fill('220104000777888')
    await page.getByLabel('登记机关').fill('长春市朝阳区市场监督管理局')
    await page.locator('#file-legalCertDocument').setInputFiles(pdf('legal.pdf'))
    await page.getByRole('button', { name: '保存并继续' }).click()
    await page.assertPath('/institution/filing/operations')
    await page.goto(new URL('/', page.url()).toString())
    await page.goto(new URL('/institution/filing', page.url()).toString())
    await page.assertElementsCount('.steps__item--done', 3)

    /* Part 3 (the academic part is skipped: arts only) and part 5. */
    await page.locator('.steps__item').nth(2).locator('a').click()
    await page.locator('input[name="venues[0][address]"]').fill('同志街 88 号 2 楼')
    await page.locator('input[name="venues[0][areaSqm]"]').fill('240')
    await page.locator('select[name="venues[0][tenure]"]').selectOption('owned')
    await page.locator('[id="file-venues.0.tenureDocument"]').setInputFiles(pdf('deed.pdf'))
    await page.locator('[id="file-venues.0.fireSafetyDocument"]').setInputFiles(pdf('fire.pdf'))
    await page.locator('[id="file-venues.0.hygieneDocument"]').setInputFiles(pdf('hygiene.pdf'))
    await page.locator('input[name="categories[]"][value="arts"]').check()
    await page.getByLabel('党组织建立情况').selectOption('none')
    await page.getByLabel('培训材料管理制度').fill('书法字帖选用正规出版物，自编讲义经教研组审核。')
    await page.getByLabel('资金监管银行').selectOption('中国银行长春朝阳支行')
    await page.getByLabel('监管账户账号').fill('158800001234567')
    await page.getByLabel('资金监管方式').selectOption('bank_custody')
    await page.locator('input[name="paymentChannels[]"][value="wechat"]').check()
    await page.locator('select[name="serviceChannels[0][kind]"]').selectOption('phone')
    await page.locator('input[name="serviceChannels[0][value]"]').fill('0431-85001234')
    await page.locator('input[name="serviceChannels[0][location]"]').fill('官网首页顶部')
    await page.getByTestId('add-serviceChannels').click()
    await page.locator('select[name="serviceChannels[1][kind]"]').selectOption('email')
    await page.locator('input[name="serviceChannels[1][value]"]').fill('kefu@qingmiao.example.cn')
    await page.locator('input[name="serviceChannels[1][location]"]').fill('官网“联系我们”')
    await page.getByRole('button', { name: '保存并继续' }).click()
    await page.assertPath('/institution/filing/conditions')
    for (const [label, value] of [
      ['教学人员数', '6'],
      ['教研人员数', '1'],
      ['其他人员数', '2'],
      ['总面积（平方米）', '240'],
      ['教室数量', '4'],
      ['最大同时培训人数', '40'],
    ] as const) {
      await page.getByLabel(label).fill(value)
    }
    await page.getByLabel('安全设施与应急预案').fill('消防器材齐全，每月安全检查。')
    await page.getByLabel('课程概况').fill('少儿软笔、硬笔书法。')
    await page.getByRole('button', { name: '保存并继续' }).click()
    await page.assertPath('/institution/filing/confirm')
    await page.getByTestId('submit-filing').click()
    await page.assertTextContains('[data-testid="filing-status"]', '审核中')

    /* The county returns it with a reason. */
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
      unitName: '长春市朝阳区教育局',
    })
    const bureau = await browserContext.browser()!.newContext({ locale: 'zh-CN' })
    const { CurrentUserProvider } = await import('#modules/identity')
    void CurrentUserProvider
    const admin = await bureau.newPage()
    await admin.goto(new URL('/login', page.url()).toString())
    await admin.locator('#field-identifier').fill(county.signIn)
    await admin.locator('#field-password').fill(county.password!)
    await admin.getByRole('button', { name: '登录' }).click()
    await admin.goto(new URL('/manage/filings', page.url()).toString())
    await admin.getByRole('link', { name: NAME }).click()
    await admin.locator('summary', { hasText: '退回修改' }).click()
    await admin.locator('textarea[name="reasons[basic]"]').fill('办学地址缺少门牌楼层，请补充')
    await admin.getByTestId('return').click()
    await admin.waitForURL('**/manage/filings')

    /* The owner corrects and resubmits; the county approves. */
    await page.goto(new URL('/institution/filing/basic', page.url()).toString())
    await page.assertTextContains('[data-testid="return-reason"]', '办学地址缺少门牌楼层')
    await page.getByLabel('办学地址').fill('长春市朝阳区同志街 88 号 2 楼')
    await page.getByRole('button', { name: '保存并继续' }).click()
    await page.goto(new URL('/institution/filing/confirm', page.url()).toString())
    await page.getByTestId('submit-filing').click()
    await admin.goto(new URL('/manage/filings', page.url()).toString())
    await admin.getByRole('link', { name: NAME }).click()
    await admin.getByTestId('approve').click()
    await admin.waitForURL('**/manage/filings')

    /* The public finds it on the white list, and its code plate verifies. */
    const visitor = await browserContext.browser()!.newContext({ locale: 'zh-CN' })
    const publicPage = await visitor.newPage()
    await publicPage.goto(new URL('/institutions?q=青苗书法', page.url()).toString())
    await publicPage.getByRole('link', { name: NAME }).click()
    await publicPage.locator('[data-testid="public-list-status"]', { hasText: '白名单' }).waitFor()
    await page.goto(new URL('/institution/plate', page.url()).toString())
    const link = await page.getByTestId('plate-link').getAttribute('href')
    await publicPage.goto(link!)
    await publicPage.getByText('码牌有效').waitFor()

    /* An inspection finding turns it grey, a missed deadline black, acceptance white again. */
    const institution = await db.from('institutions').where('name', NAME).firstOrFail()
    await admin.goto(new URL(`/manage/institutions/${institution.id}`, page.url()).toString())
    await admin.getByTestId('plan-inspection').click()
    await admin.getByLabel('排查日期').fill(inDays(0))
    await admin.getByLabel('排查事项').fill('秋季开学专项排查')
    await admin.getByRole('button', { name: '计划排查' }).click()
    await admin.locator('select[name="findings[0][item]"]').selectOption('licence_display')
    await admin.locator('select[name="findings[0][severity]"]').selectOption('minor')
    await admin
      .locator('textarea[name="findings[0][description]"]')
      .fill('未在显著位置公示收费标准')
    await admin.locator('input[name="findings[0][deadline]"]').fill(inDays(10))
    await admin.getByRole('button', { name: '保存排查结果' }).click()
    await publicPage.goto(new URL(`/institutions/${institution.id}`, page.url()).toString())
    await publicPage.locator('[data-testid="public-list-status"]', { hasText: '灰名单' }).waitFor()

    await db.from('inspection_findings').update({ deadline: inDays(-1) })
    await new RecomputeDueLists().handle()
    await publicPage.reload()
    await publicPage.locator('[data-testid="public-list-status"]', { hasText: '黑名单' }).waitFor()

    await page.goto(new URL('/institution/rectifications', page.url()).toString())
    await page.getByLabel('整改情况').fill('已在前台张贴收费标准和退费办法。')
    await page.getByRole('button', { name: '提交整改报告' }).click()
    await page.getByText('整改报告已提交').waitFor()
    const finding = await db.from('inspection_findings').firstOrFail()
    await admin.goto(new URL(`/manage/inspections/${finding.inspection_id}`, page.url()).toString())
    await admin.getByLabel('验收意见').fill('经核查已公示，同意销号。')
    admin.once('dialog', (d) => d.accept())
    await admin.getByTestId(`accept-${finding.id}`).click()
    await admin.getByText('验收通过，已销号').waitFor()
    await publicPage.reload()
    await publicPage.locator('[data-testid="public-list-status"]', { hasText: '白名单' }).waitFor()
    assert.equal(
      (await db.from('institutions').where('id', institution.id).firstOrFail()).list_status,
      'white'
    )

    await bureau.close()
    await visitor.close()
  })
})
