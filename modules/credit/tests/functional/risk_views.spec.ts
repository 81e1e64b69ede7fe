import testUtils from '@adonisjs/core/services/test_utils'
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { CurrentUserProvider } from '#modules/identity'
import { createTestAccount } from '#testing/identity'
import { createFiledInstitution } from '#testing/registry'
import { warningsOf } from '../../risk/queries/warnings_of.js'

/*
| The institution's own warnings in its terminal (answered there), and the
| bureaus' board (counts by child region, the oldest first, drill down to
| the evidence, lifted with a note), each scoped by region and owner.
*/
const userOf = async (id: number) => (await new CurrentUserProvider().findById(id))!.getOriginal()
const account = async (input: Parameters<typeof createTestAccount>[0]) =>
  userOf((await createTestAccount(input)).id)

/* A licence 10 days from expiry: filing it raised a yellow warning (the list-change event). */
async function warned(regionCode = '220104') {
  const institution = await createFiledInstitution({
    regionCode,
    licenceValidTo: DateTime.now().setZone('Asia/Shanghai').plus({ days: 10 }).toISODate()!,
  })
  const owner = await account({
    role: 'institution_owner',
    regionCode,
    orgType: 'institution',
    orgId: institution.id,
  })
  const warning = (await warningsOf(institution.id)).find(
    (w) => w.indicator === 'licence_expiring'
  )!
  return { institution, owner, warning }
}

test.group('Risk warning pages', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the institution sees and answers its own warning; another’s is 404', async ({
    client,
    assert,
  }) => {
    const a = await warned()
    const b = await warned()
    const list = await client.get('/institution/risk').loginAs(a.owner)
    list.assertStatus(200)
    assert.include(list.text(), `data-testid="warning-${a.warning.id}"`)
    assert.notInclude(list.text(), `data-testid="warning-${b.warning.id}"`)
    const page = await client.get(`/institution/risk/${a.warning.id}`).loginAs(a.owner)
    page.assertStatus(200)
    assert.include(page.text(), '办学许可证即将到期')
    ;(await client.get(`/institution/risk/${a.warning.id}`).loginAs(b.owner)).assertStatus(404)

    const answered = await client
      .post(`/institution/risk/${a.warning.id}/answer`)
      .loginAs(a.owner)
      .withCsrfToken()
      .form({ answer: '续证申请已提交，附受理回执。' })
      .redirects(0)
    answered.assertStatus(302)
    assert.equal((await warningsOf(a.institution.id))[0]!.answer, '续证申请已提交，附受理回执。')
    const foreign = await client
      .post(`/institution/risk/${a.warning.id}/answer`)
      .loginAs(b.owner)
      .withCsrfToken()
      .form({ answer: '不是我们的预警' })
      .redirects(0)
    foreign.assertStatus(404)
  })

  test('the board counts by child region and lists the oldest first; only its region', async ({
    client,
    assert,
  }) => {
    const chaoyang = await warned('220104')
    const nanguan = await warned('220102')
    const city = await account({ role: 'admin', adminLevel: 'city', regionCode: '220100' })
    const county = await account({ role: 'admin', adminLevel: 'county', regionCode: '220104' })
    const board = await client.get('/manage/risk').loginAs(city)
    board.assertStatus(200)
    assert.include(board.text(), 'data-testid="cell-220104-licence_expiring-yellow"')
    assert.include(board.text(), 'data-testid="cell-220102-licence_expiring-yellow"')
    const text = board.text()
    assert.isBelow(
      text.indexOf(`data-testid="warning-${chaoyang.warning.id}"`),
      text.indexOf(`data-testid="warning-${nanguan.warning.id}"`),
      'oldest first'
    )
    const own = (await client.get('/manage/risk').loginAs(county)).text()
    assert.include(own, `data-testid="warning-${chaoyang.warning.id}"`)
    assert.notInclude(own, `data-testid="warning-${nanguan.warning.id}"`)
    ;(await client.get(`/manage/risk/warnings/${nanguan.warning.id}`).loginAs(county)).assertStatus(
      404
    )
    const detail = await client.get(`/manage/risk/warnings/${chaoyang.warning.id}`).loginAs(county)
    detail.assertStatus(200)
    assert.include(detail.text(), 'data-testid="evidence"')
    assert.include(detail.text(), 'data-testid="lift-form"')
  })

  test('the county lifts with a note; a sub-unit may not; another county gets 404', async ({
    client,
    assert,
  }) => {
    const { institution, warning } = await warned()
    const lift = (user: any, note = '已核实续证材料，准予解除') =>
      client
        .post(`/manage/risk/warnings/${warning.id}/lift`)
        .loginAs(user)
        .withCsrfToken()
        .form({ note })
        .redirects(0)
    const subunit = await account({ role: 'admin', adminLevel: 'subunit', regionCode: '220104' })
    const other = await account({ role: 'admin', adminLevel: 'county', regionCode: '220102' })
    const county = await account({ role: 'admin', adminLevel: 'county', regionCode: '220104' })
    ;(await lift(subunit)).assertStatus(403)
    ;(await lift(other)).assertStatus(404)
    const blank = await lift(county, ' ')
    blank.assertStatus(302)
    assert.lengthOf(await warningsOf(institution.id), 1, 'a lift needs its note')
    const done = await lift(county)
    done.assertStatus(302)
    assert.equal(done.flashMessage('success'), '预警已解除。')
    assert.lengthOf(await warningsOf(institution.id), 0)
  })
})
