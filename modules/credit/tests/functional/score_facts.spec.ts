import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import { catalogCreditFacts } from '#modules/catalog'
import { complaintsCreditFacts } from '#modules/complaints'
import { fundsCreditFacts } from '#modules/funds'
import { CurrentUserProvider } from '#modules/identity'
import { creditSubjects, openRectificationCase, registryCreditFacts } from '#modules/registry'
import { courseDraft, createCourse, signedContractFixture } from '#testing/catalog'
import { fileTestComplaint } from '#testing/complaints'
import { fundsRecordsFor } from '#testing/funds'
import { createTestAccount } from '#testing/identity'
import { createFiledInstitution } from '#testing/registry'

const yearAgo = () => DateTime.now().setZone('Asia/Shanghai').minus({ months: 12 }).toJSDate()

/*
| The credit facts each module publishes, read set-based for several
| institutions at once: the institution with the facts and a clean one
| beside it, so a query that leaks across institutions fails.
*/
test.group('Credit facts from the owning modules', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('registry: filing, list and overdue rectifications', async ({ assert }) => {
    const faulty = await createFiledInstitution({ regionCode: '220104' })
    const clean = await createFiledInstitution({ regionCode: '220104' })
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const bureau = (await new CurrentUserProvider().findById(county.id))!.getOriginal()
    await openRectificationCase(bureau, {
      institutionId: faulty.id,
      item: 'fees',
      severity: 'serious',
      description: '收费未公示',
      deadline: DateTime.now().setZone('Asia/Shanghai').minus({ days: 1 }).toISODate()!,
      purpose: '日常检查',
    })
    const facts = await registryCreditFacts([faulty.id, clean.id], yearAgo())
    assert.deepEqual(facts.get(faulty.id), {
      filed: true,
      listStatus: 'black',
      overdueRectifications: 1,
      minorFindings: 0,
      seriousFindings: 1,
      blockedHires: 0,
    })
    assert.deepInclude(facts.get(clean.id)!, {
      listStatus: 'white',
      overdueRectifications: 0,
      seriousFindings: 0,
    })
    const future = await registryCreditFacts(
      [faulty.id],
      DateTime.now().setZone('Asia/Shanghai').plus({ days: 1 }).toJSDate()
    )
    assert.equal(
      future.get(faulty.id)!.seriousFindings,
      0,
      'findings before the window do not count'
    )
    assert.equal(
      future.get(faulty.id)!.overdueRectifications,
      1,
      'an overdue one counts while open'
    )
    const subjects = await creditSubjects(0, 10)
    assert.includeMembers(
      subjects.map((s) => s.id),
      [faulty.id, clean.id]
    )
    assert.isEmpty(await creditSubjects(Math.max(faulty.id, clean.id), 10))
  })

  test('complaints: complaints in the window, not tip-offs', async ({ assert }) => {
    const target = await createFiledInstitution({ regionCode: '220104' })
    const clean = await createFiledInstitution({ regionCode: '220104' })
    await fileTestComplaint({
      targetType: 'institution',
      institutionId: target.id,
      targetName: target.name,
      complaintType: 'service',
    })
    await fileTestComplaint({
      targetType: 'institution',
      institutionId: target.id,
      targetName: target.name,
      complaintType: 'refund',
    })
    /* A tip-off (unlicensed operation) is the bureau's business, not a service complaint. */
    await fileTestComplaint({
      targetType: 'institution',
      institutionId: target.id,
      targetName: target.name,
      complaintType: 'unlicensed',
    })
    const facts = await complaintsCreditFacts([target.id, clean.id], yearAgo())
    assert.deepEqual(facts.get(target.id), {
      complaints: 2,
      lateAnswers: 0,
      reviews: 0,
      averageRating: null,
    })
    assert.deepEqual(facts.get(clean.id), {
      complaints: 0,
      lateAnswers: 0,
      reviews: 0,
      averageRating: null,
    })
  })

  test('catalog and funds: courses on sale, open fund anomalies', async ({ assert }) => {
    const selling = await createFiledInstitution({ regionCode: '220104' })
    const idle = await createFiledInstitution({ regionCode: '220104' })
    const course = await createCourse(selling.id, courseDraft())
    await createCourse(idle.id, courseDraft(), 'draft')
    const parent = await createTestAccount({ role: 'parent' })
    await fundsRecordsFor(await signedContractFixture(course.id, parent.id))
    const catalog = await catalogCreditFacts([selling.id, idle.id], yearAgo())
    assert.deepEqual(catalog.get(selling.id), { listedCourses: 1, failedMaterials: 0 })
    assert.deepEqual(catalog.get(idle.id), { listedCourses: 0, failedMaterials: 0 })
    const funds = await fundsCreditFacts([selling.id, idle.id], yearAgo())
    assert.deepEqual(funds.get(selling.id), {
      refundsLeftToDeadline: 0,
      refundsOrderedByBureau: 0,
      openYellowAnomalies: 1,
      openRedAnomalies: 0,
    })
    assert.equal(funds.get(idle.id)!.openYellowAnomalies, 0)
  })
})
