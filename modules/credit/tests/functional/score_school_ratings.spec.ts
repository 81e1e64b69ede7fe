import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { creditGrades } from '#modules/credit'
import { createFiledInstitution } from '#testing/registry'
import { scoreInstitution } from '../../testing.js'

/*
| Schools' term-end ratings weigh on the provider's credit, one per school
| in the window (its latest): a school that rated three made-up terms in a
| row takes 15 points, not the 45-point cap, which needs three schools.
*/
const today = () => DateTime.now().setZone('Asia/Shanghai')

async function rate(institutionId: number, schoolId: number, term: string, daysAgo: number) {
  await db.table('credit_school_ratings').insert({
    institution_id: institutionId,
    school_id: schoolId,
    application_id: 1,
    term,
    quality: 1,
    safety: 2,
    punctuality: 1,
    rated_on: today().minus({ days: daysAgo }).toISODate(),
    created_at: new Date(),
  })
}

test.group('Credit: schools rating providers', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('one school counts once in the window, however many terms it rated', async ({ assert }) => {
    const institution = await createFiledInstitution()
    await scoreInstitution(institution.id)
    const before = (await creditGrades([institution.id])).get(institution.id)!.score
    for (const [n, term] of [
      '2026-01-01/2026-02-01',
      '2026-02-02/2026-03-02',
      '2026-03-03/2026-04-01',
    ].entries())
      await rate(institution.id, 901, term, 30 + n)
    await scoreInstitution(institution.id)
    assert.equal((await creditGrades([institution.id])).get(institution.id)!.score, before - 15)

    await rate(institution.id, 902, '2026-01-01/2026-02-01', 10)
    await rate(institution.id, 903, '2026-01-01/2026-02-01', 10)
    await scoreInstitution(institution.id)
    assert.equal((await creditGrades([institution.id])).get(institution.id)!.score, before - 45)
  })
})
