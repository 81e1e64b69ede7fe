import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { CurrentUserProvider } from '#modules/identity'
import { createTestAccount } from '#testing/identity'
import { refreshRollups } from '../../services/rollups.js'
import {
  expectedFigures,
  insertComplaint,
  mixedWorld,
  pageRow,
  valuesIn,
} from './reports_fixtures.js'

const userOf = async (id: number) => (await new CurrentUserProvider().findById(id))!.getOriginal()
const admin = (
  adminLevel: 'county' | 'city' | 'province' | 'subunit' | 'ministry',
  regionCode: string
) => createTestAccount({ role: 'admin', adminLevel, regionCode })

test.group('Reports: each level sees its own region only', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a county sees its own institutions; another region answers 404', async ({
    client,
    assert,
  }) => {
    const { institutions } = await mixedWorld()
    await refreshRollups()
    const county = await userOf((await admin('county', '220104')).id)
    const names = new Map(
      (await db.from('institutions').select('id', 'name')).map((r) => [
        Number(r.id),
        r.name as string,
      ])
    )

    const page = await client.get('/manage/reports').loginAs(county)
    page.assertStatus(200)
    const html = page.text()
    assert.include(html, '数据更新于')
    /* At a county the tables list institutions, and so do their exports. */
    assert.include(html, 'name="table" value="complaints:institutions"')
    assert.include(html, 'data-chart="{')
    assert.include(html, '<script src="/vendor/echarts.min.js" defer></script>')
    for (const institution of institutions) {
      if (institution.region === '220104')
        assert.include(html, `data-row="220104:${institution.id}"`)
      else assert.notInclude(html, names.get(institution.id)!)
    }
    /* The foot of each table is the county's total, straight from the records. */
    const expected = await expectedFigures({ region: '220104' })
    const total = pageRow(html, 'complaints', 'total')
    assert.equal(total['complaints'], expected['complaints'])
    assert.equal(total['complaints.overdue'], expected['complaints.overdue'])
    assert.equal(pageRow(html, 'funds', 'total')['fees.collected'], expected['fees.collected'])

    ;(await client.get('/manage/reports?region=220104').loginAs(county)).assertStatus(200)
    for (const other of ['220102', '220100', '220000', '130102', '000000', '999999']) {
      ;(await client.get(`/manage/reports?region=${other}`).loginAs(county)).assertStatus(404)
    }
    /* Its sub-unit sees the same region; a school operator of the management terminal sees nothing. */
    const subunit = await userOf((await admin('subunit', '220104')).id)
    ;(await client.get('/manage/reports').loginAs(subunit)).assertStatus(200)
    const school = await userOf(
      (await createTestAccount({ role: 'school_operator', regionCode: '220104' })).id
    )
    ;(await client.get('/manage/reports').loginAs(school)).assertStatus(403)
  })

  test('the province sees all its cities and counties, and drills down to each; not another province', async ({
    client,
    assert,
  }) => {
    await mixedWorld()
    await refreshRollups()
    const province = await userOf((await admin('province', '220000')).id)
    const page = await client.get('/manage/reports').loginAs(province)
    page.assertStatus(200)
    const html = page.text()
    for (const city of ['220100', '220200']) {
      assert.include(html, `href="/manage/reports?region=${city}"`)
      const shown = pageRow(html, 'complaints', city)
      const expected = await expectedFigures({ region: city })
      for (const metric of [
        'complaints',
        'complaints.open',
        'complaints.overdue',
        'complaints.closed',
        'reviews',
      ])
        assert.equal(shown[metric] ?? 0, expected[metric] ?? 0, `${city} ${metric}`)
    }
    assert.notInclude(html, '?region=130100')
    assert.include(html, 'name="table" value="funds:regions"')
    const provinceTotal = pageRow(html, 'institutions', 'total')
    assert.equal(
      provinceTotal['institutions'],
      (await expectedFigures({ region: '220000' }))['institutions']
    )

    const city = await client.get('/manage/reports?region=220100').loginAs(province)
    city.assertStatus(200)
    for (const county of ['220104', '220102'])
      assert.include(city.text(), `href="/manage/reports?region=${county}"`)
    assert.include(city.text(), '长春市') // the trail leads back up
    for (const county of ['220104', '220102', '220204']) {
      const drilled = await client.get(`/manage/reports?region=${county}`).loginAs(province)
      drilled.assertStatus(200)
      assert.equal(
        pageRow(drilled.text(), 'institutions', 'total')['institutions'] ?? 0,
        (await expectedFigures({ region: county }))['institutions'] ?? 0
      )
    }
    ;(await client.get('/manage/reports?region=130102').loginAs(province)).assertStatus(404)
    ;(await client.get('/manage/reports?region=130000').loginAs(province)).assertStatus(404)
    /* The ministry sees both provinces. */
    const ministry = await userOf((await admin('ministry', '000000')).id)
    const national = (await client.get('/manage/reports').loginAs(ministry)).text()
    assert.include(national, 'href="/manage/reports?region=220000"')
    assert.include(national, 'href="/manage/reports?region=130000"')
  })

  test('an institution’s statistics page shows its own figures only', async ({
    client,
    assert,
  }) => {
    const { institutions } = await mixedWorld()
    const [mine, other] = [institutions[0]!, institutions[1]!]
    const owner = await createTestAccount({
      role: 'institution_owner',
      regionCode: '220104',
      orgType: 'institution',
      orgId: mine.id,
    })
    const page = await client.get('/institution/statistics').loginAs(await userOf(owner.id))
    page.assertStatus(200)
    const shown = valuesIn(page.text())
    const expected = await expectedFigures({ institutionId: mine.id })
    for (const metric of [
      'orders',
      'classes.consumed',
      'fees.collected',
      'fees.released',
      'fees.held',
      'fees.refunded',
      'refunds.pending',
      'complaints',
      'complaints.open',
      'complaints.overdue',
      'reviews',
      'rectifications.open',
    ]) {
      assert.equal(shown[metric] ?? 0, expected[metric] ?? 0, metric)
    }
    assert.equal(shown['complaints'], 2)
    assert.equal(shown['complaints.timely_rate'], 0.5)
    assert.equal(shown['reviews.average'], 4)
    /* Counted live: a new complaint about the other institution changes nothing here; one about this institution shows at once. */
    await insertComplaint({
      region: other.region,
      institutionId: other.id,
      type: 'service',
      status: 'submitted',
    })
    await insertComplaint({
      region: mine.region,
      institutionId: mine.id,
      type: 'service',
      status: 'submitted',
    })
    const again = valuesIn(
      (await client.get('/institution/statistics').loginAs(await userOf(owner.id))).text()
    )
    assert.equal(again['complaints'], 3)
    assert.include(page.text(), 'data-chart=')
  })
})
