import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import db from '@adonisjs/lucid/services/db'
import { createTestAccount } from '#testing/identity'
import { TINY_PDF, TINY_PNG } from '#testing/registry'
import { fieldErrors } from '#tests/helpers/http'
import { type World, count, courseOnSale, world } from './helpers.js'

const today = () => DateTime.now().setZone('Asia/Shanghai').toISODate()!
const inDays = (n: number) => DateTime.now().setZone('Asia/Shanghai').plus({ days: n }).toISODate()!

async function upload(
  client: any,
  w: World,
  courseId: number,
  title: string,
  bytes = TINY_PDF,
  filename = 'material.pdf'
) {
  return client
    .post(urlFor('materials.store', { id: courseId }))
    .header('referer', `/institution/courses/${courseId}`)
    .loginAs(w.owner.user)
    .field('title', title)
    .field('source', 'self_compiled')
    .file('file', bytes, { filename })
    .withCsrfToken()
    .redirects(0)
}

async function materialsIn(client: any, w: World, titles: string[]) {
  const course = await courseOnSale(w)
  for (const title of titles) (await upload(client, w, course.id, title)).assertStatus(302)
  return course
}

test.group('Training materials and spot checks', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an institution uploads PDF materials; anything else is refused with a reason', async ({
    client,
    assert,
  }) => {
    const w = await world()
    const course = await materialsIn(client, w, ['《少儿美术》第一册'])
    const disguised = await upload(client, w, course.id, '伪装的图片', TINY_PNG, 'fake.pdf')
    assert.include(fieldErrors(disguised, 'file'), '材料文件只能是 pdf 格式')
    const untitled = await upload(client, w, course.id, '')
    assert.include(fieldErrors(untitled, 'title'), '请填写材料名称')
    assert.equal(await count('course_materials', { institution_id: w.institution.id }), 1)
    const page = await client.get(urlFor('courses.show', { id: course.id })).loginAs(w.owner.user)
    page.assertTextIncludes('《少儿美术》第一册')
  })

  test('a spot check draws a random sample of the region’s materials of the period, with its seed kept', async ({
    client,
    assert,
  }) => {
    const chaoyang = await world({ regionCode: '220104' })
    const nanguan = await world({ regionCode: '220102' })
    const hebei = await world({ regionCode: '130102' })
    await materialsIn(client, chaoyang, ['朝阳材料一', '朝阳材料二', '朝阳材料三'])
    await materialsIn(client, nanguan, ['南关材料'])
    await materialsIn(client, hebei, ['河北材料'])
    const city = await createTestAccount({
      role: 'admin',
      adminLevel: 'city',
      regionCode: '220100',
    })

    const drawn = await client
      .post(urlFor('spot_checks.store'))
      .loginAs(city.user)
      .form({ regionCode: '220104', periodFrom: inDays(-7), periodTo: today(), sampleSize: '2' })
      .withCsrfToken()
      .redirects(0)
    drawn.assertFlashMessage('success', '已从 3 份材料中随机抽取 2 份。')
    const check = await db.from('spot_checks').where('created_by_id', city.id).firstOrFail()
    assert.include(check, { region_code: '220104', sample_size: 2, population: 3, status: 'open' })
    assert.match(check.seed, /^[0-9a-f]{16}$/)
    const items = await db.from('spot_check_items').where('spot_check_id', check.id)
    assert.lengthOf(items, 2)
    assert.isTrue(items.every((i) => i.institution_id === chaoyang.institution.id))

    const wholeCity = await client
      .post(urlFor('spot_checks.store'))
      .loginAs(city.user)
      .form({ regionCode: '220100', periodFrom: inDays(-7), periodTo: today(), sampleSize: '50' })
      .withCsrfToken()
      .redirects(0)
    wholeCity.assertFlashMessage('success', '已从 4 份材料中随机抽取 4 份。')
    const lastYear = await client
      .post(urlFor('spot_checks.store'))
      .header('referer', '/x')
      .loginAs(city.user)
      .form({
        regionCode: '220104',
        periodFrom: '2020-01-01',
        periodTo: '2020-12-31',
        sampleSize: '5',
      })
      .withCsrfToken()
      .redirects(0)
    lastYear.assertFlashMessage('error', '该地区在此期间没有上传的培训材料')
    const outside = await client
      .post(urlFor('spot_checks.store'))
      .header('referer', '/x')
      .loginAs(city.user)
      .form({ regionCode: '130102', periodFrom: inDays(-7), periodTo: today(), sampleSize: '5' })
      .withCsrfToken()
      .redirects(0)
    outside.assertStatus(403)
    assert.equal(await count('spot_checks', { created_by_id: city.id }), 2)
  })

  test('a failed material opens a rectification case in the registry’s ledger and turns the institution grey', async ({
    client,
    assert,
  }) => {
    const w = await world()
    await materialsIn(client, w, ['《少儿美术》第一册'])
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
      unitName: '长春市朝阳区教育局',
    })
    await client
      .post(urlFor('spot_checks.store'))
      .loginAs(county.user)
      .form({ regionCode: '220104', periodFrom: today(), periodTo: today(), sampleSize: '1' })
      .withCsrfToken()
    const item = await db
      .from('spot_check_items')
      .where('institution_id', w.institution.id)
      .firstOrFail()

    const noNotes = await client
      .post(urlFor('spot_checks.review', { id: item.id }))
      .header('referer', '/x')
      .loginAs(county.user)
      .form({ ideology: 'pass', science: 'fail', ageFit: 'pass' })
      .withCsrfToken()
      .redirects(0)
    assert.include(fieldErrors(noNotes, 'notes'), '请填写审查意见')
    assert.include(fieldErrors(noNotes, 'deadline'), '请填写整改期限')

    const failed = await client
      .post(urlFor('spot_checks.review', { id: item.id }))
      .loginAs(county.user)
      .form({
        ideology: 'pass',
        science: 'fail',
        ageFit: 'pass',
        notes: '第 3 章例题答案错误。',
        deadline: inDays(20),
      })
      .withCsrfToken()
      .redirects(0)
    failed.assertFlashMessage('success', '已记录：不合格，已在机构整改台账中立案。')

    const reviewed = await db.from('spot_check_items').where('id', item.id).firstOrFail()
    assert.equal(reviewed.result, 'failed')
    const finding = await db
      .from('inspection_findings')
      .where('id', reviewed.finding_id)
      .firstOrFail()
    assert.include(finding, {
      institution_id: w.institution.id,
      item: 'materials',
      status: 'open',
      severity: 'minor',
    })
    assert.include(finding.description, '科学性')
    assert.include(finding.description, '第 3 章例题答案错误。')
    const inspection = await db
      .from('inspections')
      .where('id', reviewed.inspection_id)
      .firstOrFail()
    assert.equal(inspection.purpose, `培训材料抽查（第 ${item.spot_check_id} 批）`)
    assert.equal(
      (await db.from('institutions').where('id', w.institution.id).firstOrFail()).list_status,
      'grey'
    )
    assert.equal(
      (await db.from('course_materials').where('id', item.material_id).firstOrFail()).check_status,
      'failed'
    )
    assert.equal(
      (await db.from('spot_checks').where('id', item.spot_check_id).firstOrFail()).status,
      'completed'
    )

    /* The institution sees the case among its rectifications; the material stays as evidence. */
    const ledger = await client.get(urlFor('rectifications.index')).loginAs(w.owner.user)
    ledger.assertTextIncludes('第 3 章例题答案错误。')
    const removal = await client
      .post(urlFor('materials.destroy', { id: item.material_id }))
      .header('referer', '/x')
      .loginAs(w.owner.user)
      .withCsrfToken()
      .redirects(0)
    removal.assertFlashMessage('error', '该材料已被抽查，作为抽查证据不能删除。')
    const twice = await client
      .post(urlFor('spot_checks.review', { id: item.id }))
      .header('referer', '/x')
      .loginAs(county.user)
      .form({ ideology: 'pass', science: 'pass', ageFit: 'pass' })
      .withCsrfToken()
      .redirects(0)
    twice.assertFlashMessage('error', '该材料已经审查过。')
  })

  test('a material that passes opens no case', async ({ client, assert }) => {
    const w = await world()
    await materialsIn(client, w, ['《少儿美术》第一册'])
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    await client
      .post(urlFor('spot_checks.store'))
      .loginAs(county.user)
      .form({ regionCode: '220104', periodFrom: today(), periodTo: today(), sampleSize: '1' })
      .withCsrfToken()
    const item = await db
      .from('spot_check_items')
      .where('institution_id', w.institution.id)
      .firstOrFail()
    await client
      .post(urlFor('spot_checks.review', { id: item.id }))
      .loginAs(county.user)
      .form({ ideology: 'pass', science: 'pass', ageFit: 'pass' })
      .withCsrfToken()
    assert.equal(
      (await db.from('spot_check_items').where('institution_id', w.institution.id).firstOrFail())
        .result,
      'passed'
    )
    assert.equal(await count('inspection_findings', { institution_id: w.institution.id }), 0)
    assert.equal(
      (await db.from('institutions').where('id', w.institution.id).firstOrFail()).list_status,
      'white'
    )
  })

  test('sub-units do not run spot checks; a bureau of another region cannot review', async ({
    client,
  }) => {
    const w = await world()
    await materialsIn(client, w, ['材料'])
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    await client
      .post(urlFor('spot_checks.store'))
      .loginAs(county.user)
      .form({ regionCode: '220104', periodFrom: today(), periodTo: today(), sampleSize: '1' })
      .withCsrfToken()
    const item = await db
      .from('spot_check_items')
      .where('institution_id', w.institution.id)
      .firstOrFail()
    const subunit = await createTestAccount({
      role: 'admin',
      adminLevel: 'subunit',
      regionCode: '220104',
    })
    ;(await client.get(urlFor('spot_checks.index')).loginAs(subunit.user)).assertStatus(403)
    const other = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220102',
    })
    ;(
      await client
        .post(urlFor('spot_checks.review', { id: item.id }))
        .loginAs(other.user)
        .form({ ideology: 'pass', science: 'pass', ageFit: 'pass' })
        .withCsrfToken()
    ).assertStatus(404)
    ;(
      await client.get(urlFor('spot_checks.show', { id: item.spot_check_id })).loginAs(other.user)
    ).assertStatus(404)
  })
})
