import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import db from '@adonisjs/lucid/services/db'
import { createTestAccount } from '#testing/identity'
import { flatForm } from '#tests/helpers/http'
import { createFiledInstitution } from '../../testing.js'
import { RecomputeDueLists } from '../../actions/recompute_due_lists.js'

const inDays = (n: number) => DateTime.now().setZone('Asia/Shanghai').plus({ days: n }).toISODate()!
const status = async (id: number) =>
  (await db.from('institutions').where('id', id).firstOrFail()).list_status

test.group('Inspections and the rectification ledger', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a finding turns the institution grey, a missed deadline black, acceptance white again', async ({
    client,
    assert,
  }) => {
    const institution = await createFiledInstitution({ regionCode: '220104' })
    assert.equal(institution.listStatus, 'white')
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
      unitName: '长春市朝阳区教育局',
    })
    const owner = await createTestAccount({
      role: 'institution_owner',
      regionCode: '220104',
      orgType: 'institution',
      orgId: institution.id,
    })

    const planned = await client
      .post(urlFor('inspections.store'))
      .loginAs(county.user)
      .form({ institutionId: institution.id, plannedOn: inDays(0), purpose: '秋季开学专项排查' })
      .withCsrfToken()
      .redirects(0)
    const inspectionId = Number(planned.header('location')!.split('/').pop())
    const recorded = await client
      .post(urlFor('inspections.record', { id: inspectionId }))
      .loginAs(county.user)
      .form(
        flatForm({
          findings: [
            {
              item: 'fees',
              severity: 'minor',
              description: '一次性收取超过 3 个月费用',
              deadline: inDays(15),
            },
          ],
        })
      )
      .withCsrfToken()
      .redirects(0)
    recorded.assertFlashMessage('success', '排查结果已录入')
    assert.equal(await status(institution.id), 'grey')

    const ledger = await client.get(urlFor('inspections.index')).loginAs(county.user)
    ledger.assertTextIncludes(institution.name)
    ledger.assertTextIncludes('整改中')

    /* The deadline passes without a report: the daily job moves it to the black list and publishes it. */
    await db.from('inspection_findings').update({ deadline: inDays(-1) })
    assert.equal(await new RecomputeDueLists().handle(), 1)
    assert.equal(await status(institution.id), 'black')
    assert.lengthOf(
      await db
        .from('public_notices')
        .where('kind', 'blacklist')
        .where('institution_id', institution.id),
      1
    )
    const overdue = await client
      .get(urlFor('inspections.index', {}, { qs: { status: 'overdue' } }))
      .loginAs(county.user)
    overdue.assertTextIncludes(institution.name)

    const finding = await db.from('inspection_findings').firstOrFail()
    const rectifications = await client.get(urlFor('rectifications.index')).loginAs(owner.user)
    rectifications.assertTextIncludes('一次性收取超过 3 个月费用')
    await client
      .post(urlFor('rectifications.report', { id: finding.id }))
      .loginAs(owner.user)
      .form({ report: '已按规定改为按月收费，并退还多收费用。' })
      .withCsrfToken()
    assert.equal((await db.from('inspection_findings').firstOrFail()).status, 'reported')

    const accepted = await client
      .post(urlFor('findings.accept', { id: finding.id }))
      .loginAs(county.user)
      .form({ opinion: '经现场核查，整改到位，同意销号。' })
      .withCsrfToken()
      .redirects(0)
    accepted.assertFlashMessage('success', '验收通过，已销号')
    assert.equal(await status(institution.id), 'white')
    const history = await db
      .from('list_changes')
      .where('institution_id', institution.id)
      .orderBy('id')
    assert.deepEqual(
      history.map((h) => `${h.from_status}>${h.to_status}`),
      ['none>white', 'white>grey', 'grey>black', 'black>white']
    )
  })

  test('a serious safety hazard is black at once; a failed acceptance reopens with a new deadline', async ({
    client,
    assert,
  }) => {
    const institution = await createFiledInstitution({ regionCode: '220104' })
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const planned = await client
      .post(urlFor('inspections.store'))
      .loginAs(county.user)
      .form({ institutionId: institution.id, plannedOn: inDays(0), purpose: '消防检查' })
      .withCsrfToken()
      .redirects(0)
    const inspectionId = Number(planned.header('location')!.split('/').pop())
    await client
      .post(urlFor('inspections.record', { id: inspectionId }))
      .loginAs(county.user)
      .form(
        flatForm({
          findings: [
            {
              item: 'safety_hazard',
              severity: 'serious',
              description: '疏散通道堵塞',
              deadline: inDays(7),
            },
          ],
        })
      )
      .withCsrfToken()
    assert.equal(await status(institution.id), 'black')

    const finding = await db.from('inspection_findings').firstOrFail()
    await db
      .from('inspection_findings')
      .where('id', finding.id)
      .update({ status: 'reported', rectification_report: '已清理' })
    await client
      .post(urlFor('findings.reject', { id: finding.id }))
      .loginAs(county.user)
      .form({ opinion: '仍有杂物', deadline: inDays(3) })
      .withCsrfToken()
    const reopened = await db.from('inspection_findings').firstOrFail()
    assert.equal(reopened.status, 'open')
    assert.equal(DateTime.fromJSDate(reopened.deadline).toISODate(), inDays(3))
  })

  test('a deadline in the past is refused; a clean inspection records no finding', async ({
    client,
    assert,
  }) => {
    const institution = await createFiledInstitution({ regionCode: '220104' })
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const planned = await client
      .post(urlFor('inspections.store'))
      .loginAs(county.user)
      .form({ institutionId: institution.id, plannedOn: inDays(0), purpose: '日常检查' })
      .withCsrfToken()
      .redirects(0)
    const inspectionId = Number(planned.header('location')!.split('/').pop())
    const past = await client
      .post(urlFor('inspections.record', { id: inspectionId }))
      .header('referer', '/x')
      .loginAs(county.user)
      .form(
        flatForm({
          findings: [
            { item: 'fees', severity: 'minor', description: 'x 问题', deadline: inDays(-1) },
          ],
        })
      )
      .withCsrfToken()
      .redirects(0)
    past.assertFlashMessage('error', '整改期限不能早于今天')
    await client
      .post(urlFor('inspections.record', { id: inspectionId }))
      .loginAs(county.user)
      .form({})
      .withCsrfToken()
    assert.lengthOf(await db.from('inspection_findings'), 0)
    assert.equal((await db.from('inspections').firstOrFail()).status, 'recorded')
  })

  test('counts by status per region for the city, and another county cannot inspect', async ({
    client,
  }) => {
    const institution = await createFiledInstitution({ regionCode: '220104' })
    const city = await createTestAccount({
      role: 'admin',
      adminLevel: 'city',
      regionCode: '220100',
    })
    const otherCounty = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220102',
    })
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const planned = await client
      .post(urlFor('inspections.store'))
      .loginAs(county.user)
      .form({ institutionId: institution.id, plannedOn: inDays(0), purpose: '检查' })
      .withCsrfToken()
      .redirects(0)
    const inspectionId = Number(planned.header('location')!.split('/').pop())
    await client
      .post(urlFor('inspections.record', { id: inspectionId }))
      .loginAs(county.user)
      .form(
        flatForm({
          findings: [
            { item: 'fees', severity: 'minor', description: '问题描述', deadline: inDays(5) },
          ],
        })
      )
      .withCsrfToken()
    const counts = await client.get(urlFor('inspections.index')).loginAs(city.user)
    counts.assertTextIncludes('朝阳区')
    ;(
      await client
        .post(urlFor('inspections.store'))
        .loginAs(otherCounty.user)
        .form({ institutionId: institution.id, plannedOn: inDays(0), purpose: '越权检查' })
        .withCsrfToken()
    ).assertStatus(404)
    ;(
      await client
        .post(urlFor('inspections.store'))
        .loginAs(city.user)
        .form({ institutionId: institution.id, plannedOn: inDays(0), purpose: '市级检查' })
        .withCsrfToken()
    ).assertStatus(403)
  })
})
