import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import type { Page } from 'playwright'
import { allowFormTarget } from '#kernel/shared/form_targets'
import { formatYuan } from '#kernel/shared/money'
import { truncateAll } from '#tests/helpers/database'
import { signContract, signIn } from '#tests/helpers/browser'
import { createTestAccount } from '#testing/identity'
import { createFiledInstitution, createStaffMember, residentId } from '#testing/registry'
import { courseDraft, createCourse } from '#testing/catalog'
import { startSandbox } from '../../sandbox/server.js'
import { sandboxChannel, sandboxSettings } from '../../channels/setup.js'
import { bankCredentials } from '../../services/supervised_accounts.js'
import { isClean, ledgerProblems } from '../../ledger/invariants.js'
/* Started weeks ago: classes are recorded only once their timetable slot has been held. */
import { runningCourse } from '../functional/helpers.js'
import { seededRandom } from '#tests/helpers/seeded_random'

const money = async (page: Page, id: string) => (await page.getByTestId(id).innerText()).trim()

test.group('Browser: a parent’s money from payment to refund', (group) => {
  let sandbox: Awaited<ReturnType<typeof startSandbox>>
  const original = sandboxSettings()
  group.setup(async () => {
    sandbox = await startSandbox({
      random: seededRandom(20261204),
      port: 0,
      merchants: { [original.merchantId]: original.secret },
      duplicateRate: 1,
      delayMs: [20, 200],
      retryMs: [300, 800],
      bank: { platformUrl: env.get('APP_URL'), credentials: bankCredentials, pollMs: 200 },
    })
    sandboxChannel.configure({ ...original, url: sandbox.url })
    allowFormTarget(sandbox.url)
    return async () => {
      sandboxChannel.configure(original)
      await sandbox.close()
    }
  })
  group.each.setup(() => truncateAll())
  group.each.teardown(() => truncateAll())

  test('buy, pay on the cashier, two classes confirmed, the rest refunded; statement and dashboard agree to the fen', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const institution = await createFiledInstitution({
      regionCode: '220104',
      name: '长春启明星艺术培训学校',
    })
    const teacher = await createStaffMember(institution.id, '李老师', residentId(321))
    const owner = await createTestAccount({
      role: 'institution_owner',
      regionCode: '220104',
      orgType: 'institution',
      orgId: institution.id,
    })
    const course = await createCourse(
      institution.id,
      courseDraft({
        teacherIds: [teacher.id],
        name: '少儿美术启蒙班',
        pricePerClassFen: 125_50,
        ...runningCourse(),
      }),
      'on_sale'
    )
    const parent = await createTestAccount({ role: 'parent', displayName: '王丽' })
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
      unitName: '长春市朝阳区教育局',
    })
    const total = 12 * 125_50

    /* The parent signs the contract and pays the charge on the provider's cashier. */
    const home = await visit('/login')
    await signIn(home, home.url(), parent)
    await home.goto(new URL(`/courses/${course.id}`, home.url()).toString())
    await signContract(home, {
      studentIdNumber: residentId(808),
      grade: 'p1',
      password: parent.password!,
    })
    await home.getByRole('link', { name: '缴费与订单' }).click()
    await home.getByTestId('pay-next').click()
    await home.waitForURL(`${sandbox.url}/pay/**`)
    assert.include(await home.locator('body').innerText(), (total / 100).toFixed(2))
    await home.getByTestId('sandbox-pay').click()
    await home.waitForURL(/\/parent\/orders\/\d+$/)
    /* The page waits for the signed callback, then shows the order paid. */
    await home
      .locator('[data-testid="order-status"][data-status="paid"]')
      .waitFor({ timeout: 15_000 })
    assert.equal(await money(home, 'total-held'), `¥${formatYuan(total)}`)
    const orderUrl = home.url()

    /* The institution records classes 1 and 2. */
    /* Each party in its own browser, as in life. */
    const school = await (await browserContext.browser()!.newContext({ locale: 'zh-CN' })).newPage()
    await signIn(school, home.url(), owner)
    for (const n of [1, 2]) {
      await school.goto(
        new URL(`/institution/attendance?course=${course.id}&classNo=${n}`, home.url()).toString()
      )
      await school.getByTestId('record-attendance').click()
      await school.locator('.alert--success').waitFor()
    }

    /* The parent confirms both; their fees leave supervision. */
    await home.goto(orderUrl)
    await home.getByTestId('confirm-class-1').click()
    await home.getByTestId('confirm-class-2').click()
    await home.getByTestId('class-2').locator('.badge--confirmed').waitFor()
    assert.equal(await money(home, 'total-released'), `¥${formatYuan(2 * 125_50)}`)

    /* …and asks for the other ten back; the institution approves; the channel pays back. */
    home.once('dialog', (dialog) => dialog.accept())
    await home.getByLabel('原因').fill('孩子时间冲突')
    await home.getByTestId('ask-refund').click()
    await home.getByTestId('refund-status').waitFor()
    await school.goto(new URL('/institution/refunds', home.url()).toString())
    await school.getByTestId('approve-refund').click()
    await school.locator('.alert--success').waitFor()
    for (let i = 0; i < 50; i++) {
      await home.goto(orderUrl)
      if ((await money(home, 'total-refunded')).startsWith(`¥${formatYuan(10 * 125_50)}`)) break
      await home.waitForTimeout(200)
    }
    assert.equal(await money(home, 'total-refunded'), `¥${formatYuan(10 * 125_50)}`)
    assert.equal(await money(home, 'total-held'), '¥0.00')
    assert.equal(await home.getByTestId('refund-status').innerText(), '已退回')
    const statement = {
      paid: await money(home, 'total-paid'),
      released: await money(home, 'total-released'),
      refunded: await money(home, 'total-refunded'),
    }

    /* The county's dashboard shows the same money. */
    const bureau = await (await browserContext.browser()!.newContext({ locale: 'zh-CN' })).newPage()
    await signIn(bureau, home.url(), county)
    await bureau.goto(new URL('/manage/funds', home.url()).toString())
    assert.equal(await money(bureau, 'region-collected'), statement.paid)
    assert.equal(await money(bureau, 'region-released'), statement.released)
    assert.equal(await money(bureau, 'region-refunded'), statement.refunded)
    assert.equal(await money(bureau, 'region-held'), '¥0.00')
    assert.isTrue(isClean(await ledgerProblems()))
    assert.equal(
      (await db.from('channel_notices').where('outcome', 'duplicate').count('* as n'))[0].n > 0,
      true
    )
  }).timeout(120_000)
})
