import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { drainOutbox } from '#kernel/shared/outbox_drain'
import { CurrentUserProvider } from '#modules/identity'
import { openRectificationCase } from '#modules/registry'
import { createTestAccount } from '#testing/identity'
import { createFiledInstitution } from '#testing/registry'
import { fileTestComplaint } from '#testing/complaints'
import { recomputeAllScores } from '../../score/actions/recompute_institution_score.js'

const userOf = async (id: number) => (await new CurrentUserProvider().findById(id))!.getOriginal()
const scoreOf = async (institutionId: number) =>
  db.from('credit_scores').where('institution_id', institutionId).first()
const historyOf = (institutionId: number) =>
  db.from('credit_score_changes').where('institution_id', institutionId).orderBy('id')

test.group('Credit score: moved by a complaint, a penalty and a rectification', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('each fact moves the score with its cause kept, and the public page explains it', async ({
    client,
    assert,
  }) => {
    const institution = await createFiledInstitution({ regionCode: '220104' })
    const county = await userOf(
      (
        await createTestAccount({
          role: 'admin',
          adminLevel: 'county',
          regionCode: '220104',
          unitName: '朝阳区教育局',
        })
      ).id
    )
    const owner = await userOf(
      (
        await createTestAccount({
          role: 'institution_owner',
          orgType: 'institution',
          orgId: institution.id,
        })
      ).id
    )

    /* White-listed on approval, which grades it: filed, but no course on sale through the platform. */
    await drainOutbox()
    assert.include(await scoreOf(institution.id), { score: 960, grade: 'B' })
    const monthly = await recomputeAllScores()
    assert.equal(monthly.changed, 0, 'the monthly run finds nothing new, so writes nothing')

    /* A complaint: the event recomputes it (through the queue). */
    const complaint = await fileTestComplaint({
      targetType: 'institution',
      institutionId: institution.id,
      targetName: institution.name,
      complaintType: 'service',
    })
    await drainOutbox()
    assert.include(await scoreOf(institution.id), { score: 955 })

    /* A fine recorded by the county bureau. */
    ;(
      await client
        .post('/manage/credit/penalties')
        .loginAs(county)
        .withCsrfToken()
        .form({
          institutionId: String(institution.id),
          kind: 'fine',
          amountYuan: '10000',
          documentNumber: '朝教罚决字〔2026〕第 7 号',
          decidedOn: DateTime.now().setZone('Asia/Shanghai').toISODate()!,
          facts: '超前收费，一次性收取超过 3 个月的培训费用。',
          legalBasis: '《校外培训行政处罚暂行办法》第十九条',
          publishUntil: DateTime.now().setZone('Asia/Shanghai').plus({ months: 6 }).toISODate()!,
        })
        .redirects(0)
    ).assertStatus(302)
    await drainOutbox()
    assert.include(await scoreOf(institution.id), { score: 875, grade: 'D' })

    /* A finding whose rectification is overdue, then rectified and accepted. */
    const { findingId } = await openRectificationCase(county, {
      institutionId: institution.id,
      item: 'materials',
      severity: 'minor',
      description: '教材未按规定备案',
      deadline: DateTime.now().setZone('Asia/Shanghai').minus({ days: 3 }).toISODate()!,
      purpose: '日常检查',
    })
    /* Overdue on arrival: registry black-lists it, and that event recomputes the score. */
    await drainOutbox()
    assert.include(await scoreOf(institution.id), { score: 640, grade: 'E' })
    ;(
      await client
        .post(`/institution/rectifications/${findingId}/report`)
        .loginAs(owner)
        .withCsrfToken()
        .form({ report: '已按要求完成教材备案。' })
        .redirects(0)
    ).assertStatus(302)
    ;(
      await client
        .post(`/manage/findings/${findingId}/accept`)
        .loginAs(county)
        .withCsrfToken()
        .form({ opinion: '整改到位' })
        .redirects(0)
    ).assertStatus(302)
    await drainOutbox()
    assert.include(await scoreOf(institution.id), { score: 870, grade: 'D' })
    assert.equal((await recomputeAllScores()).changed, 0)

    const history = await historyOf(institution.id)
    assert.deepEqual(
      history.map((h) => [h.cause, h.from_score, h.to_score]),
      [
        ['registry:list_changed', null, 960],
        ['complaints:filed', 960, 955],
        ['credit:penalty_recorded', 955, 875],
        ['registry:list_changed', 875, 640],
        ['registry:list_changed', 640, 870],
      ]
    )
    assert.exists(complaint)

    const page = await client.get(`/institutions/${institution.id}/credit`)
    page.assertStatus(200)
    const html = page.text()
    assert.include(html, 'data-testid="credit-grade">D 级')
    assert.include(html, '870 分')
    assert.include(html, '近 12 个月被投诉 1 次，扣 5 分')
    assert.include(html, '受到罚款处罚 1 次，扣 80 分')
    assert.include(html, '朝教罚决字〔2026〕第 7 号')
    assert.include(html, '检查发现一般问题 1 项，扣 5 分')
    assert.notInclude(html, '整改逾期未完成')
    assert.include(html, '未通过平台公示课程和收费，扣 40 分')
    const english = await client
      .get(`/institutions/${institution.id}/credit`)
      .header('accept-language', 'en')
    assert.include(english.text(), '1 fine, minus 80 points')
  })
})
