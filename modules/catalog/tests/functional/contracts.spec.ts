import { createHash } from 'node:crypto'
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import db from '@adonisjs/lucid/services/db'
import { createTestAccount } from '#testing/identity'
import { residentId } from '#testing/registry'
import { TEMPLATE_V1 } from '../../contracts/gf_2021_2604.js'
import { sha256Of } from '../../contracts/template.js'
import { publishTemplate } from '../../services/templates.js'
import { count, courseOnSale, world } from './helpers.js'

const PASSWORD = 'correct horse 42'
const student = (seq = 301) => ({
  studentName: '王小明',
  studentIdNumber: residentId(seq),
  studentSchool: '长春市朝阳区解放大路小学',
  studentGrade: 'p1',
  guardianName: '王丽',
  guardianRelation: 'mother',
})

/** Reads the preview page's hidden fields, as the browser would post them back. */
function hiddenFields(html: string): Record<string, string> {
  return Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)].map((m) => [
      m[1],
      m[2],
    ])
  )
}

async function setup() {
  const w = await world()
  const course = await courseOnSale(w)
  const parent = await createTestAccount({ role: 'parent', displayName: '王丽' })
  return { ...w, course, parent }
}

test.group('Contracts: signing the standard contract online', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a parent reads the contract, confirms with the password and signs; the contract is frozen with its hash and PDF', async ({
    client,
    assert,
  }) => {
    const { course, parent, institution } = await setup()
    const form = await client
      .get(urlFor('parent_contracts.create', { id: course.id }))
      .loginAs(parent.user)
    form.assertStatus(200)
    form.assertTextIncludes('学员身份证号')

    const preview = await client
      .post(urlFor('parent_contracts.preview', { id: course.id }))
      .loginAs(parent.user)
      .form(student())
      .withCsrfToken()
    preview.assertStatus(200)
    preview.assertTextIncludes('中小学生校外培训服务合同')
    preview.assertTextIncludes(institution.name)
    preview.assertTextIncludes('每课时 120.00 元，课程总价 1,440.00 元')
    const hidden = hiddenFields(preview.text())
    assert.match(hidden.templateVersion!, /^\d+$/)
    assert.match(hidden.previewHash!, /^[0-9a-f]{64}$/)

    const signed = await client
      .post(urlFor('parent_contracts.store', { id: course.id }))
      .loginAs(parent.user)
      .form({ ...hidden, agree: 'on', password: PASSWORD })
      .withCsrfToken()
      .redirects(0)
    const contract = await db
      .from('contracts')
      .where('course_id', course.id)
      .orderBy('id')
      .firstOrFail()
    assert.equal(signed.header('location'), `/parent/contracts/${contract.id}`)
    assert.include(contract, {
      template_version: Number(hidden.templateVersion),
      course_id: course.id,
      parent_user_id: parent.id,
      total_fen: 144000,
      per_charge_fen: 144000,
      class_count: 12,
      status: 'signed',
      student_grade: 'p1',
    })
    assert.match(contract.number, /^XW\d{8}\d{8}$/)
    assert.notInclude(JSON.stringify(contract.content), student().studentIdNumber)
    assert.notEqual(contract.student_id_cipher, student().studentIdNumber)
    /* The stored hash is the hash of the stored content. */
    assert.equal(sha256Of(contract.content), contract.content_sha256)

    const pdf = await client
      .get(urlFor('parent_contracts.pdf', { id: contract.id }))
      .loginAs(parent.user)
    pdf.assertStatus(200)
    pdf.assertHeader('content-type', 'application/pdf')
    const bytes = Buffer.from(pdf.body())
    /* The download is the very file whose hash was stored at signing. */
    assert.equal(createHash('sha256').update(bytes).digest('hex'), contract.pdf_sha256)
    assert.equal(pdf.header('x-content-sha256'), contract.pdf_sha256)
    assert.isTrue(bytes.subarray(0, 5).toString('latin1') === '%PDF-')
    const page = await client
      .get(urlFor('parent_contracts.show', { id: contract.id }))
      .loginAs(parent.user)
    page.assertTextIncludes(contract.content_sha256)
    page.assertTextIncludes(contract.number)
  })

  test('the database refuses to change or delete a signed contract; only its status moves on', async ({
    assert,
  }) => {
    const { course, parent } = await setup()
    const { SignContract } = await import('../../actions/sign_contract.js')
    const { contractTerms } = await import('../../services/contract_terms.js')
    const actor = (await import('#modules/identity')).CurrentUserProvider
    const user = (await new actor().findById(parent.id))!.getOriginal()
    const terms = await contractTerms(user, course, student())
    const contract = await new SignContract().handle(
      user,
      course,
      {
        ...student(),
        templateVersion: terms.template.version,
        previewHash: terms.previewHash,
        password: PASSWORD,
      },
      { ip: null, userAgent: null }
    )

    await assert.rejects(
      () =>
        db.rawQuery(`SAVEPOINT s1; UPDATE contracts SET total_fen = 1 WHERE id = ${contract.id}`),
      /frozen/
    )
    await db.rawQuery('ROLLBACK TO SAVEPOINT s1')
    await assert.rejects(
      () => db.rawQuery(`SAVEPOINT s2; DELETE FROM contracts WHERE id = ${contract.id}`),
      /cannot be deleted/
    )
    await db.rawQuery('ROLLBACK TO SAVEPOINT s2')
    await db
      .from('contracts')
      .where('id', contract.id)
      .update({ status: 'active', updated_at: new Date() })
    assert.equal(
      (await db.from('contracts').where('id', contract.id).firstOrFail()).status,
      'active'
    )
  })

  test('a second signature for the same student and course is refused', async ({
    client,
    assert,
  }) => {
    const { course, parent } = await setup()
    const sign = async (who: typeof parent) => {
      const preview = await client
        .post(urlFor('parent_contracts.preview', { id: course.id }))
        .loginAs(who.user)
        .form(student())
        .withCsrfToken()
      return client
        .post(urlFor('parent_contracts.store', { id: course.id }))
        .loginAs(who.user)
        .form({ ...hiddenFields(preview.text()), agree: 'on', password: PASSWORD })
        .withCsrfToken()
        .redirects(0)
    }
    await sign(parent)
    const again = await sign(parent)
    const first = await db
      .from('contracts')
      .where('course_id', course.id)
      .orderBy('id')
      .firstOrFail()
    again.assertFlashMessage('error', `该学员已签订本课程的合同 ${first.number}，无需重复签订。`)
    /* The other parent of the same child cannot sign it again either. */
    const otherParent = await createTestAccount({ role: 'parent' })
    ;(await sign(otherParent)).assertFlashMessage(
      'error',
      `该学员已签订本课程的合同 ${first.number}，无需重复签订。`
    )
    assert.equal(await count('contracts', { course_id: course.id }), 1)
  })

  test('a template published after the parent read the contract: signing is refused until the new one is read; old contracts keep theirs', async ({
    client,
    assert,
  }) => {
    const { course, parent } = await setup()
    const signFor = async (seq: number) => {
      const preview = await client
        .post(urlFor('parent_contracts.preview', { id: course.id }))
        .loginAs(parent.user)
        .form(student(seq))
        .withCsrfToken()
      return hiddenFields(preview.text())
    }
    const first = await signFor(401)
    await client
      .post(urlFor('parent_contracts.store', { id: course.id }))
      .loginAs(parent.user)
      .form({ ...first, agree: 'on', password: PASSWORD })
      .withCsrfToken()

    const read = await signFor(402)
    const before = Number(read.templateVersion)
    await publishTemplate(
      {
        ...TEMPLATE_V1,
        sections: [
          ...TEMPLATE_V1.sections,
          {
            heading: '第九条 补充说明',
            clauses: ['本版本增加了课程调整的告知期限：乙方调整上课时间须提前 3 日告知甲方。'],
          },
        ],
      },
      '增加调课告知期限'
    )
    const refused = await client
      .post(urlFor('parent_contracts.store', { id: course.id }))
      .loginAs(parent.user)
      .form({ ...read, agree: 'on', password: PASSWORD })
      .withCsrfToken()
    refused.assertStatus(422)
    refused.assertTextIncludes(`合同范本已更新为第 ${before + 1} 版，请阅读新版合同后再签署。`)
    refused.assertTextIncludes('第九条 补充说明')
    assert.equal(await count('contracts', { course_id: course.id }), 1)

    const again = hiddenFields(refused.text())
    assert.equal(again.templateVersion, String(before + 1))
    await client
      .post(urlFor('parent_contracts.store', { id: course.id }))
      .loginAs(parent.user)
      .form({ ...again, agree: 'on', password: PASSWORD })
      .withCsrfToken()
    const versions = (await db.from('contracts').where('course_id', course.id).orderBy('id')).map(
      (c) => c.template_version
    )
    assert.deepEqual(versions, [before, before + 1])
  })

  test('terms that changed after reading (the course was edited) must be read again', async ({
    client,
    assert,
  }) => {
    const { course, parent } = await setup()
    const preview = await client
      .post(urlFor('parent_contracts.preview', { id: course.id }))
      .loginAs(parent.user)
      .form(student())
      .withCsrfToken()
    await db.from('courses').where('id', course.id).update({ refund_within_days: 15, version: 2 })
    const refused = await client
      .post(urlFor('parent_contracts.store', { id: course.id }))
      .loginAs(parent.user)
      .form({ ...hiddenFields(preview.text()), agree: 'on', password: PASSWORD })
      .withCsrfToken()
    refused.assertStatus(422)
    refused.assertTextIncludes('合同内容在您阅读后发生了变化，请重新阅读后再签署。')
    refused.assertTextIncludes('收到退费申请之日起 15 日内')
    assert.equal(await count('contracts', { course_id: course.id }), 0)
  })

  test('a wrong password, a missing agreement or a bad ID number writes nothing', async ({
    client,
    assert,
  }) => {
    const { course, parent } = await setup()
    const preview = await client
      .post(urlFor('parent_contracts.preview', { id: course.id }))
      .loginAs(parent.user)
      .form(student())
      .withCsrfToken()
    const hidden = hiddenFields(preview.text())
    const wrong = await client
      .post(urlFor('parent_contracts.store', { id: course.id }))
      .loginAs(parent.user)
      .form({ ...hidden, agree: 'on', password: 'not my password' })
      .withCsrfToken()
    wrong.assertStatus(422)
    wrong.assertTextIncludes('密码不正确，请重新输入')
    const unticked = await client
      .post(urlFor('parent_contracts.store', { id: course.id }))
      .loginAs(parent.user)
      .form({ ...hidden, password: PASSWORD })
      .withCsrfToken()
    unticked.assertStatus(422)
    unticked.assertTextIncludes('请阅读合同后勾选“同意合同条款”')
    const badId = await client
      .post(urlFor('parent_contracts.preview', { id: course.id }))
      .header('referer', '/x')
      .loginAs(parent.user)
      .form({ ...student(), studentIdNumber: '220104201501010000' })
      .withCsrfToken()
      .redirects(0)
    assert.deepEqual(badId.flashMessage('inputErrorsBag').studentIdNumber, [
      '学员身份证号不是有效的身份证号码',
    ])
    const wrongGrade = await client
      .post(urlFor('parent_contracts.preview', { id: course.id }))
      .header('referer', '/x')
      .loginAs(parent.user)
      .form({ ...student(), studentGrade: 'j3' })
      .withCsrfToken()
      .redirects(0)
    assert.deepEqual(wrongGrade.flashMessage('inputErrorsBag').studentGrade, [
      '该课程不面向所选年级',
    ])
    assert.equal(await count('contracts', { course_id: course.id }), 0)
  })

  test('no contract for a full course, a course not yet open for enrolment, or a grey-listed institution', async ({
    client,
    assert,
  }) => {
    const { course, parent, institution, teacher, owner } = await setup()
    await db.from('courses').where('id', course.id).update({ capacity: 1 })
    const sign = async (seq: number, id = course.id) => {
      const preview = await client
        .post(urlFor('parent_contracts.preview', { id }))
        .loginAs(parent.user)
        .form(student(seq))
        .withCsrfToken()
      return client
        .post(urlFor('parent_contracts.store', { id }))
        .loginAs(parent.user)
        .form({ ...hiddenFields(preview.text()), agree: 'on', password: PASSWORD })
        .withCsrfToken()
        .redirects(0)
    }
    await sign(501)
    ;(await sign(502)).assertFlashMessage('error', '该课程名额已满。')

    const later = DateTime.now().plus({ months: 2 })
    const future = await courseOnSale(
      { institution, teacher, owner },
      {
        startDate: later.toISODate()!,
        endDate: later.plus({ weeks: 11 }).toISODate()!,
        slots: [{ weekday: later.weekday, start: '09:00' }],
      }
    )
    const early = await client
      .get(urlFor('parent_contracts.create', { id: future.id }))
      .loginAs(parent.user)
    early.assertTextIncludes('该课程在')
    early.assertTextIncludes('不得在开课前 1 个月以前收费')

    await db.from('institutions').where('id', institution.id).update({ list_status: 'grey' })
    const grey = await client
      .get(urlFor('parent_contracts.create', { id: course.id }))
      .loginAs(parent.user)
    grey.assertTextIncludes('该机构目前不在白名单，不能签订合同。')
    assert.equal(await count('contracts', { course_id: course.id }), 1)
  })

  test('the institution and the bureaus of its region see the contract, each look audited; nobody else does', async ({
    client,
    assert,
  }) => {
    const { course, parent, owner } = await setup()
    const preview = await client
      .post(urlFor('parent_contracts.preview', { id: course.id }))
      .loginAs(parent.user)
      .form(student())
      .withCsrfToken()
    await client
      .post(urlFor('parent_contracts.store', { id: course.id }))
      .loginAs(parent.user)
      .form({ ...hiddenFields(preview.text()), agree: 'on', password: PASSWORD })
      .withCsrfToken()
    const contract = await db
      .from('contracts')
      .where('course_id', course.id)
      .orderBy('id')
      .firstOrFail()

    const list = await client.get(urlFor('institution_contracts.index')).loginAs(owner.user)
    list.assertTextIncludes(contract.number)
    list.assertTextIncludes('王*明')
    const pdf = await client
      .get(urlFor('institution_contracts.pdf', { id: contract.id }))
      .loginAs(owner.user)
    assert.equal(
      createHash('sha256').update(Buffer.from(pdf.body())).digest('hex'),
      contract.pdf_sha256
    )
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    ;(
      await client.get(urlFor('manage_contracts.show', { id: contract.id })).loginAs(county.user)
    ).assertStatus(200)
    ;(await client.get(urlFor('manage_contracts.index')).loginAs(county.user)).assertTextIncludes(
      contract.number
    )
    const audits = await db
      .from('audit_events')
      .where('action', 'catalog.contract_viewed')
      .where('subject_id', String(contract.id))
    assert.lengthOf(audits, 2)

    const otherCounty = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220102',
    })
    ;(
      await client
        .get(urlFor('manage_contracts.show', { id: contract.id }))
        .loginAs(otherCounty.user)
    ).assertStatus(404)
    const stranger = await createTestAccount({ role: 'parent' })
    ;(
      await client.get(urlFor('parent_contracts.show', { id: contract.id })).loginAs(stranger.user)
    ).assertStatus(404)
    ;(
      await client.get(urlFor('parent_contracts.pdf', { id: contract.id })).loginAs(stranger.user)
    ).assertStatus(404)
  })
})

test.group('Contracts: publishing template versions', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a version with a placeholder the platform does not fill, or a malformed one, is refused; a good one is the next version and frozen', async ({
    assert,
  }) => {
    const { currentTemplate, UnknownPlaceholders } = await import('../../services/templates.js')
    const before = (await currentTemplate()).version
    const extraClause = {
      ...TEMPLATE_V1,
      sections: [
        ...TEMPLATE_V1.sections,
        { heading: '第九条', clauses: ['违约金为{{penaltyRate}}'] },
      ],
    }
    await assert.rejects(() => publishTemplate(extraClause, '加一条'), UnknownPlaceholders as any)
    await assert.rejects(() => publishTemplate({ ...TEMPLATE_V1, sections: [] }, '清空'))
    assert.equal((await currentTemplate()).version, before)

    const next = await publishTemplate(
      { ...TEMPLATE_V1, title: '中小学生校外培训服务合同（2027 年版）' },
      '更新标题'
    )
    assert.equal(next.version, before + 1)
    assert.equal((await currentTemplate()).title, '中小学生校外培训服务合同（2027 年版）')
    await assert.rejects(
      () =>
        db.rawQuery(
          `SAVEPOINT t1; UPDATE contract_templates SET title = 'x' WHERE id = ${next.id}`
        ),
      /cannot change/
    )
    await db.rawQuery('ROLLBACK TO SAVEPOINT t1')
  })
})
