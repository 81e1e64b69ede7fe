import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import db from '@adonisjs/lucid/services/db'
import { withResidentIdCheckDigit } from '#kernel/shared/personal_data'
import { StoreChild } from '#modules/students'
import { createTestAccount } from '#testing/identity'
import { courseOnSale, world } from './helpers.js'

const PASSWORD = 'correct horse 42'
let sequence = 100

/** A synthetic child of 7 on 1 September (primary 2 by age; p1 and p2 both fit). */
function childIdNumber() {
  const now = new Date()
  const schoolYear = now.getMonth() >= 8 ? now.getFullYear() : now.getFullYear() - 1
  sequence += 1
  return withResidentIdCheckDigit(`220104${schoolYear - 7}0405${sequence}`)
}

function hiddenFields(html: string): Record<string, string> {
  return Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)].map((m) => [
      m[1],
      m[2],
    ])
  )
}

async function signFor(client: any, user: any, courseId: number, form: Record<string, string>) {
  const preview = await client
    .post(urlFor('parent_contracts.preview', { id: courseId }))
    .loginAs(user)
    .form(form)
    .withCsrfToken()
  preview.assertStatus(200)
  return {
    preview,
    signed: await client
      .post(urlFor('parent_contracts.store', { id: courseId }))
      .loginAs(user)
      .form({ ...hiddenFields(preview.text()), agree: 'on', password: PASSWORD })
      .withCsrfToken()
      .redirects(0),
  }
}

test.group('Contracts: a parent picks one of their children', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('one profile, two contracts: the student comes from the profile, the ID never goes to the browser', async ({
    client,
    assert,
  }) => {
    const w = await world()
    const first = await courseOnSale(w)
    const second = await courseOnSale(w, { name: '少儿书法班' })
    const parent = await createTestAccount({ role: 'parent', displayName: '王丽' })
    const idNumber = childIdNumber()
    /* The student-record service is not running here: the check stays pending and signing goes on. */
    const child = await new StoreChild().handle(parent.user, {
      name: '王小明',
      idNumber,
      countyCode: '220104',
      schoolId: null,
      schoolName: '长春市朝阳区解放大路小学',
      grade: 'p2',
      relation: 'mother',
    })
    assert.equal(child.recordStatus, 'pending')

    const form = await client
      .get(urlFor('parent_contracts.create', { id: first.id }))
      .loginAs(parent.user)
    form.assertTextIncludes('选择孩子')
    form.assertTextIncludes('王小明')

    for (const course of [first, second]) {
      const { preview, signed } = await signFor(client, parent.user, course.id, {
        childId: String(child.id),
        guardianName: '王丽',
        guardianRelation: 'mother',
      })
      assert.notInclude(preview.text(), idNumber)
      assert.equal(hiddenFields(preview.text()).childId, String(child.id))
      assert.match(signed.header('location') ?? '', /^\/parent\/contracts\/\d+$/)
    }
    const contracts = await db.from('contracts').where('parent_user_id', parent.id).orderBy('id')
    assert.lengthOf(contracts, 2)
    for (const contract of contracts) {
      assert.include(contract, {
        student_name: '王小明',
        student_school: '长春市朝阳区解放大路小学',
        student_grade: 'p2',
        student_id_masked: child.idNumberMasked,
      })
      assert.equal(contract.student_id_index, child.idNumberIndex)
      assert.notInclude(JSON.stringify(contract.content), idNumber)
    }
  })

  test('the course’s grade rule reads the profile’s grade; another parent’s child is not found', async ({
    client,
    assert,
  }) => {
    const w = await world()
    const course = await courseOnSale(w, { grades: ['p4', 'p5'] })
    const parent = await createTestAccount({ role: 'parent' })
    const other = await createTestAccount({ role: 'parent' })
    const child = await new StoreChild().handle(parent.user, {
      name: '王小明',
      idNumber: childIdNumber(),
      countyCode: '220104',
      schoolId: null,
      schoolName: '长春市朝阳区解放大路小学',
      grade: 'p2',
      relation: 'father',
    })
    const pick = { childId: String(child.id), guardianName: '王强', guardianRelation: 'father' }
    /* A typed grade the course covers does not hide the profile's. */
    const refused = await client
      .post(urlFor('parent_contracts.preview', { id: course.id }))
      .loginAs(parent.user)
      .form({ ...pick, studentGrade: 'p4' })
      .withCsrfToken()
      .redirects(0)
    refused.assertStatus(302)
    assert.include(
      JSON.stringify(refused.flashMessages()),
      '该课程不面向所选年级',
      'refused with the grade rule, no preview rendered'
    )
    const stranger = await client
      .post(urlFor('parent_contracts.preview', { id: course.id }))
      .loginAs(other.user)
      .form(pick)
      .withCsrfToken()
    stranger.assertStatus(404)
    assert.lengthOf(await db.from('contracts').where('course_id', course.id), 0)
  })

  test('a typed student may be saved as a child after signing', async ({ client, assert }) => {
    const w = await world()
    const course = await courseOnSale(w)
    const parent = await createTestAccount({ role: 'parent', displayName: '王丽' })
    const idNumber = childIdNumber()
    const { signed } = await signFor(client, parent.user, course.id, {
      studentName: '王小明',
      studentIdNumber: idNumber,
      studentSchool: '长春市朝阳区解放大路小学',
      studentGrade: 'p1',
      guardianName: '王丽',
      guardianRelation: 'mother',
      saveChild: 'true',
    })
    assert.match(signed.header('location') ?? '', /^\/parent\/contracts\/\d+$/)
    assert.include(signed.flashMessages().success, '已保存为您的孩子档案')
    const again = await client
      .get(urlFor('parent_contracts.create', { id: course.id }))
      .loginAs(parent.user)
    again.assertTextIncludes('王小明')
  })
})
