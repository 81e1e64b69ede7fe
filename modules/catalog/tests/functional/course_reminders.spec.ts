import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import { ZONE } from '#kernel/shared/dates'
import { addWorkingDays } from '#kernel/shared/working_days'
import { type TestAccountInput, createTestAccount } from '#testing/identity'
import { deliveriesOf, inboxOf } from '#testing/messages'
import { courseDraft, createCourse } from '../../testing.js'
import Course from '../../models/course.js'
import {
  COURSE_REVIEW_WORKING_DAYS,
  RemindPendingCourses,
} from '../../actions/remind_pending_courses.js'
import { world } from './helpers.js'

/*
| A course left waiting for listing approval reaches the bureau that
| decides it, once per submission: the county for an offline institution,
| the province for an online one; nobody else.
*/
const SUBMITTED = '2026-03-02'
const academic = {
  kind: 'academic' as const,
  subject: 'maths',
  category: null,
  grades: ['j1' as const],
}

async function pending(institutionId: number, name: string, on = SUBMITTED) {
  const course = await createCourse(institutionId, courseDraft({ ...academic, name }), 'pending')
  course.submittedAt = DateTime.fromISO(`${on}T09:30:00`, { zone: ZONE })
  await course.save()
  return course
}

async function admins() {
  const admin = (adminLevel: TestAccountInput['adminLevel'], regionCode: string, extra = {}) =>
    createTestAccount({ role: 'admin', adminLevel, regionCode, ...extra }).then((a) => a.id)
  return {
    county: await admin('county', '220104'),
    countyDisabled: await admin('county', '220104', { status: 'disabled' }),
    subunit: await admin('subunit', '220104'),
    otherCounty: await admin('county', '220102'),
    city: await admin('city', '220100'),
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

test.group('Catalog: courses waiting for approval are put before their bureau', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('after the review days the deciding bureau is told, once; drafts and fresh ones are not', async ({
    assert,
  }) => {
    const offline = await world()
    const online = await world({ delivery: 'online' })
    const ids = { ...(await admins()), owner: offline.owner.id, onlineOwner: online.owner.id }
    const maths = await pending(offline.institution.id, '初中数学同步提升')
    const english = await pending(online.institution.id, '初中英语在线精讲')
    const late = addWorkingDays(SUBMITTED, COURSE_REVIEW_WORKING_DAYS + 1)
    await pending(offline.institution.id, '初中物理预习', addWorkingDays(SUBMITTED, 2))
    await createCourse(
      offline.institution.id,
      courseDraft({ ...academic, name: '草稿课程' }),
      'draft'
    )
    const remind = (today: string) => new RemindPendingCourses().handle(today)

    assert.equal(await remind(addWorkingDays(SUBMITTED, COURSE_REVIEW_WORKING_DAYS)), 0)
    assert.equal(await remind(late), 2)
    await remind(late)
    await remind(addWorkingDays(late, 1))

    const due = addWorkingDays(SUBMITTED, COURSE_REVIEW_WORKING_DAYS)
    assert.deepEqual(await told(ids), {
      county: [
        {
          what: `课程待审核：初中数学同步提升（${offline.institution.name}）`,
          due,
          link: `/manage/courses/${maths.id}`,
        },
      ],
      province: [
        {
          what: `课程待审核：初中英语在线精讲（${online.institution.name}）`,
          due,
          link: `/manage/courses/${english.id}`,
        },
      ],
    })
    const texted = (await deliveriesOf('deadline_reminder')).map((r) => Number(r.recipient_user_id))
    assert.sameMembers(texted, [ids.county, ids.province])
    assert.lengthOf(texted, 2)
  })

  test('a course submitted again after a rejection is a new wait, told again', async ({
    assert,
  }) => {
    const offline = await world()
    const ids = await admins()
    const course = await pending(offline.institution.id, '初中数学同步提升')
    const late = addWorkingDays(SUBMITTED, COURSE_REVIEW_WORKING_DAYS + 1)
    await new RemindPendingCourses().handle(late)
    await Course.query()
      .where('id', course.id)
      .update({ submitted_at: DateTime.fromISO(`${late}T09:00:00`, { zone: ZONE }).toJSDate() })
    const later = addWorkingDays(late, COURSE_REVIEW_WORKING_DAYS + 1)
    await new RemindPendingCourses().handle(later)
    assert.deepEqual(
      (await told(ids)).county?.map((r) => r.due),
      [
        addWorkingDays(SUBMITTED, COURSE_REVIEW_WORKING_DAYS),
        addWorkingDays(late, COURSE_REVIEW_WORKING_DAYS),
      ]
    )
    assert.deepEqual(Object.keys(await told(ids)), ['county'])
  })
})
