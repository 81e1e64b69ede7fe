import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { drainOutbox } from '#kernel/shared/outbox_drain'
import { CurrentUserProvider } from '#modules/identity'
import { createTestAccount } from '#testing/identity'
import { createFiledInstitution } from '#testing/registry'
import { weightedDraw } from '../../score/weighted_draw.js'

/* A county no other test files institutions in: the population counted is this test's alone. */
const COUNTY = '220122'

const userOf = async (id: number) => (await new CurrentUserProvider().findById(id))!.getOriginal()

test.group('Inspection draws by credit grade', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a county draws from its graded institutions; the seed replays the draw', async ({
    client,
    assert,
  }) => {
    const ours = [
      await createFiledInstitution({ regionCode: COUNTY }),
      await createFiledInstitution({ regionCode: COUNTY }),
      await createFiledInstitution({ regionCode: COUNTY }),
    ]
    const theirs = await createFiledInstitution({ regionCode: '220102' })
    await drainOutbox()
    await db
      .from('credit_scores')
      .where('institution_id', ours[0]!.id)
      .update({ score: 700, grade: 'E' })
    const county = await userOf(
      (await createTestAccount({ role: 'admin', adminLevel: 'county', regionCode: COUNTY })).id
    )
    const response = await client
      .post('/manage/credit/draws')
      .loginAs(county)
      .withCsrfToken()
      .form({ regionCode: COUNTY, sampleSize: '2' })
      .redirects(0)
    response.assertStatus(302)
    const draw = await db.from('credit_draws').orderBy('id', 'desc').firstOrFail()
    assert.equal(draw.population, 3)
    assert.lengthOf(draw.drawn, 2)
    assert.notInclude(
      draw.drawn.map((d: any) => d.institutionId),
      theirs.id
    )
    const population = await db
      .from('credit_scores')
      .whereIn(
        'institution_id',
        ours.map((i) => i.id)
      )
      .select('institution_id as institutionId', 'grade')
    assert.deepEqual(
      draw.drawn.map((d: any) => d.institutionId),
      weightedDraw(
        population.map((p) => ({ ...p, institutionId: Number(p.institutionId) })),
        2,
        draw.seed
      )
    )
    const page = await client.get(`/manage/credit/draws/${draw.id}`).loginAs(county)
    assert.include(page.text(), draw.seed)
    const other = await userOf(
      (await createTestAccount({ role: 'admin', adminLevel: 'county', regionCode: '220102' })).id
    )
    ;(await client.get(`/manage/credit/draws/${draw.id}`).loginAs(other)).assertStatus(404)
    const refused = await client
      .post('/manage/credit/draws')
      .loginAs(other)
      .withCsrfToken()
      .form({ regionCode: COUNTY, sampleSize: '2' })
    refused.assertStatus(403)
  })
})
