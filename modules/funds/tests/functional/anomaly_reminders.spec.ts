import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { test } from '@japa/runner'
import { todayIso } from '#kernel/shared/dates'
import { type TestAccountInput, createTestAccount } from '#testing/identity'
import { deliveriesOf, inboxOf } from '#testing/messages'
import { raiseAnomaly } from '../../actions/reconcile.js'
import { supervisedAccountOf } from '../../services/supervised_accounts.js'
import { orderFixture } from './helpers.js'

/*
| A fund anomaly reaches the county bureau's message centre the moment it
| is raised, and a red one the city's too; in the anomaly's transaction,
| so one rolled back tells nobody, and once per anomaly.
*/
async function bureaus() {
  const admin = (adminLevel: TestAccountInput['adminLevel'], regionCode: string, extra = {}) =>
    createTestAccount({ role: 'admin', adminLevel, regionCode, ...extra }).then((a) => a.id)
  return {
    county: await admin('county', '220104'),
    countyDisabled: await admin('county', '220104', { status: 'disabled' }),
    subunit: await admin('subunit', '220104'),
    otherCounty: await admin('county', '220102'),
    city: await admin('city', '220100'),
    otherCity: await admin('city', '220200'),
    province: await admin('province', '220000'),
  }
}

async function told(ids: Record<string, number>) {
  const out: Record<string, Record<string, string>[]> = {}
  for (const [name, id] of Object.entries(ids)) {
    const rows = (await inboxOf(id)).filter((row) => row.kind === 'deadline_reminder')
    if (rows.length) out[name] = rows.reverse().map((row) => ({ ...row.params, link: row.link }))
  }
  return out
}

const texted = async () =>
  (await deliveriesOf('deadline_reminder')).map((row) => Number(row.recipient_user_id))

test.group('Funds: anomalies reach the bureaus at once', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a yellow anomaly tells the county; a red one the county and the city; each once', async ({
    assert,
  }) => {
    const { institutionId, owner } = await orderFixture()
    const ids = { ...(await bureaus()), owner: owner.id }
    const account = await supervisedAccountOf(institutionId)

    await raiseAnomaly(account, 'payment_not_settled', 'yellow', {}, `t-yellow:${institutionId}`)
    const yellow = { due: todayIso(), link: '/manage/funds/anomalies' }
    let inbox = await told(ids)
    assert.deepEqual(Object.keys(inbox), ['county'])
    assert.deepInclude(inbox.county![0], yellow)
    assert.match(
      inbox.county![0]!.what ?? '',
      /^黄色预警：已缴费用未进入监管账户（测试培训学校\d+）$/
    )

    await raiseAnomaly(account, 'unmatched_debit', 'red', {}, `t-red:${institutionId}`)
    /* Raised again while open: the same anomaly, nobody told twice. */
    assert.isNull(
      await raiseAnomaly(account, 'unmatched_debit', 'red', {}, `t-red:${institutionId}`)
    )
    inbox = await told(ids)
    assert.deepEqual(Object.keys(inbox).sort(), ['city', 'county'])
    assert.lengthOf(inbox.county!, 2)
    assert.lengthOf(inbox.city!, 1)
    assert.match(inbox.city![0]!.what ?? '', /^红色预警：监管资金无指令出账（测试培训学校\d+）$/)
    assert.deepEqual(inbox.county![1], inbox.city![0])
    assert.deepEqual(await texted(), [ids.county, ids.county, ids.city])
  })

  test('an anomaly rolled back with the change that raised it tells nobody', async ({ assert }) => {
    const { institutionId } = await orderFixture()
    const ids = await bureaus()
    const account = await supervisedAccountOf(institutionId)
    await assert.rejects(() =>
      db.transaction(async (trx) => {
        await raiseAnomaly(account, 'unmatched_debit', 'red', {}, `t-red:${institutionId}`, trx)
        throw new Error('the bank report failed further on')
      })
    )
    assert.deepEqual(await told(ids), {})
    assert.deepEqual(await texted(), [])
  })
})
