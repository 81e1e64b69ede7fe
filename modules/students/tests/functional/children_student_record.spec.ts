import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { createTestAccount } from '#testing/identity'
import { CHECK_PATH } from '../../children/student_record/protocol.js'
import CheckStudentRecordsJob from '../../jobs/check_student_records_job.js'
import { childForm, childId, childTestSchool, withStandIn } from '../children_helpers.js'

const addChild = async (client: any, user: any, form: Record<string, string>) => {
  await client.post(urlFor('children.store')).loginAs(user).form(form).withCsrfToken()
  return db
    .from('children')
    .where('created_by_user_id', user.id)
    .orderBy('id', 'desc')
    .firstOrFail()
}

test.group('Children: the student-record check', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the stand-in answers found, not found, and a different school or grade, and the profile shows each', async ({
    client,
    assert,
  }) => {
    const mother = await createTestAccount({ role: 'parent' })
    const school = await childTestSchool({ name: '长春市朝阳区核验小学' })
    const [found, missing, moved] = [childId(8), childId(8), childId(8)]
    const standIn = await withStandIn([
      {
        idNumber: found,
        name: '张甲',
        schoolCode: school.code,
        schoolName: school.name,
        grade: 'p3',
      },
      {
        idNumber: moved,
        name: '张丙',
        schoolCode: '2201049999',
        schoolName: '长春市朝阳区别的小学',
        grade: 'p4',
      },
    ])
    try {
      const a = await addChild(
        client,
        mother.user,
        childForm({ name: '张甲', idNumber: found, school: String(school.id), schoolName: '' })
      )
      const b = await addChild(client, mother.user, childForm({ name: '张乙', idNumber: missing }))
      const c = await addChild(
        client,
        mother.user,
        childForm({ name: '张丙', idNumber: moved, school: String(school.id), schoolName: '' })
      )
      assert.deepEqual(
        [a.record_status, b.record_status, c.record_status],
        ['found', 'not_found', 'mismatch']
      )
      /* Which fields differ, never the register's values: a guardian is not proven by typing an ID. */
      assert.deepEqual(c.record_differences, [
        { field: 'school', recorded: '' },
        { field: 'grade', recorded: '' },
      ])
      const page = await client.get(urlFor('children.show', { id: c.id })).loginAs(mother.user)
      page.assertTextIncludes('学籍不一致')
      page.assertTextIncludes('学籍记录的学校与所填学校不一致')
      page.assertTextIncludes('学籍记录的年级与所填年级不一致')
      assert.notInclude(page.text(), '长春市朝阳区别的小学')
      /* The guardian is told, with the name masked, in their message centre. */
      const inbox = await client.get('/messages').loginAs(mother.user)
      inbox.assertStatus(200)
      inbox.assertTextIncludes('张*的孩子档案中的学校或年级与学籍记录不一致')
      assert.notInclude(inbox.text(), '张丙的孩子档案')
      assert.lengthOf(
        standIn.answered.filter((r) => r.status === 200),
        3
      )
      /* A stand-in request carries the number over the wire only: never in the stand-in's record of answers. */
      assert.notInclude(JSON.stringify(standIn.answered), moved)
    } finally {
      await standIn.close()
    }
  })

  test('a service that is down leaves the check pending, retried later by the job, which then settles it', async ({
    client,
    assert,
  }) => {
    const mother = await createTestAccount({ role: 'parent' })
    const id = childId(8)
    const standIn = await withStandIn([
      {
        idNumber: id,
        name: '李小花',
        schoolCode: null,
        schoolName: '长春市朝阳区解放大路小学',
        grade: 'p3',
      },
    ])
    try {
      standIn.down = true
      const child = await addChild(client, mother.user, childForm({ idNumber: id }))
      assert.include(child, { record_status: 'pending', record_attempts: 1 })
      assert.isAbove(new Date(child.record_next_check_at).getTime(), Date.now())
      const page = await client.get(urlFor('children.show', { id: child.id })).loginAs(mother.user)
      page.assertTextIncludes('核验中')

      standIn.down = false
      /* Not due yet: the job leaves it alone. */
      await new CheckStudentRecordsJob().execute()
      assert.equal(
        (await db.from('children').where('id', child.id).first()).record_status,
        'pending'
      )
      await db
        .from('children')
        .where('id', child.id)
        .update({ record_next_check_at: new Date(Date.now() - 1000) })
      await new CheckStudentRecordsJob().execute()
      const settled = await db.from('children').where('id', child.id).first()
      assert.include(settled, { record_status: 'found', record_attempts: 0 })
      assert.isAbove(new Date(settled.record_next_check_at).getTime(), Date.now() + 29 * 86400_000)
    } finally {
      await standIn.close()
    }
  })

  test('the stand-in refuses a request signed with another secret, replayed, or missing a parameter', async ({
    client,
    assert,
  }) => {
    const mother = await createTestAccount({ role: 'parent' })
    const standIn = await withStandIn([], 'not-the-shared-secret')
    try {
      const child = await addChild(client, mother.user, childForm())
      assert.deepEqual(standIn.answered, [
        { status: 401, code: 'bad_signature', result: undefined },
      ])
      /* Refused is not answered: the check stays pending, for a retry once the secret is fixed. */
      assert.equal(child.record_status, 'pending')

      const post = (headers: Record<string, string>, body: string) =>
        fetch(new URL(CHECK_PATH, standIn.url), { method: 'POST', headers, body }).then(
          async (r) => ({ status: r.status, body: (await r.json()) as any })
        )
      const unsigned = await post(
        {
          'x-app-id': 'xiaowai-test',
          'x-timestamp': String(Date.now()),
          'x-nonce': 'n1',
          'x-signature': '0'.repeat(64),
        },
        '{}'
      )
      assert.deepEqual(unsigned, { status: 401, body: { code: 'bad_signature' } })
      const unknown = await post({ 'x-app-id': 'someone', 'x-timestamp': String(Date.now()) }, '{}')
      assert.deepEqual(unknown, { status: 401, body: { code: 'unknown_app' } })
      const stale = await post(
        { 'x-app-id': 'xiaowai-test', 'x-timestamp': String(Date.now() - 3_600_000) },
        '{}'
      )
      assert.deepEqual(stale, { status: 401, body: { code: 'stale_timestamp' } })

      const { signatureOf } = await import('../../children/student_record/protocol.js')
      const signed = (body: string, nonce: string) => {
        const timestamp = String(Date.now())
        return {
          'x-app-id': 'xiaowai-test',
          'x-timestamp': timestamp,
          'x-nonce': nonce,
          'x-signature': signatureOf('stand-in-secret-of-the-tests', {
            method: 'POST',
            path: CHECK_PATH,
            timestamp,
            nonce,
            body,
          }),
        }
      }
      const noGrade = JSON.stringify({
        requestId: 'r',
        idNumber: childId(),
        name: '甲',
        school: { code: null, name: '某小学' },
      })
      const headers = signed(noGrade, 'n2')
      assert.deepEqual(await post(headers, noGrade), {
        status: 400,
        body: { code: 'missing_parameter', parameter: 'grade' },
      })
      assert.deepEqual(await post(headers, noGrade), {
        status: 401,
        body: { code: 'replayed_nonce' },
      })
      /* The same signature over other bytes is refused. */
      const tampered = noGrade.replace('甲', '乙')
      assert.deepEqual(await post(signed(noGrade, 'n3'), tampered), {
        status: 401,
        body: { code: 'bad_signature' },
      })
    } finally {
      await standIn.close()
    }
  })
})
