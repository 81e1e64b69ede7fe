import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import db from '@adonisjs/lucid/services/db'
import { CurrentUserProvider, organizationAccounts } from '#modules/identity'
import { schoolOfOperator } from '#modules/students'
import { createTestAccount, uniquePhone } from '#testing/identity'
import { lastMessageTo, linkIn } from '#testing/messages'
import { createTestSchool } from '#testing/students'
import { fieldErrors } from '#tests/helpers/http'

const bureau = async (regionCode: string, adminLevel: 'county' | 'city' | 'subunit' = 'county') =>
  (await createTestAccount({ role: 'admin', adminLevel, regionCode })).user

function openAccount(client: any, user: unknown, schoolId: number, form: Record<string, string>) {
  return client
    .post(urlFor('school_operators.store', { id: schoolId }))
    .header('referer', urlFor('schools.show', { id: schoolId }))
    .loginAs(user)
    .form(form)
    .withCsrfToken()
    .redirects(0)
}

test.group('School register: school operator accounts', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a county opens an operator account; the holder sets a password and lands on the school home', async ({
    client,
    assert,
  }) => {
    const county = await bureau('220104')
    const school = await createTestSchool({ name: '长春市朝阳区开通小学' })
    const phone = uniquePhone()
    const opened = await openAccount(client, county, school.id, {
      displayName: '吴春燕',
      phone,
    })
    const masked = `${phone.slice(0, 3)}****${phone.slice(7)}`
    opened.assertFlashMessage('success', `账号已开通，设置密码的链接已发送至 ${masked}。`)

    const account = (await organizationAccounts('school', school.id))[0]!
    assert.equal(account.displayName, '吴春燕')
    assert.equal(account.status, 'pending')
    const page = await client.get(urlFor('schools.show', { id: school.id })).loginAs(county)
    page.assertTextIncludes(masked)
    assert.notInclude(page.text(), phone, 'the phone is shown masked')
    assert.include(page.text(), `data-testid="operator-${account.id}"`)
    const audit = await db
      .from('audit_events')
      .where({ action: 'account.created', subject_id: String(account.id) })
      .first()
    assert.exists(audit)

    const link = linkIn(await lastMessageTo(phone))
    assert.match(link!, /^\/password\/set\//)
    const set = await client
      .post(link!)
      .form({ password: 'kaitong school 2026', passwordConfirmation: 'kaitong school 2026' })
      .withCsrfToken()
      .redirects(0)
    set.assertHeader('location', '/manage')
    const signIn = await client
      .post(urlFor('sessions.store'))
      .form({ identifier: phone, password: 'kaitong school 2026' })
      .withCsrfToken()
      .redirects(0)
    signIn.assertHeader('location', '/manage')

    const operator = (await new CurrentUserProvider().findById(account.id))!.getOriginal()
    const home = await client.get('/manage').loginAs(operator)
    home.assertStatus(200)
    home.assertTextIncludes('长春市朝阳区开通小学')
    assert.notInclude(home.text(), '/manage/schools', 'the register is for bureaus')
    const own = await schoolOfOperator(operator as any)
    assert.equal(own?.id, school.id)
  })

  test('the county disables an operator: signed out, sign-in refused', async ({
    client,
    assert,
  }) => {
    const county = await bureau('220104')
    const school = await createTestSchool()
    const operator = await createTestAccount({
      role: 'school_operator',
      regionCode: '220104',
      orgType: 'school',
      orgId: school.id,
    })
    const reasonless = await client
      .post(urlFor('school_operators.disable', { id: school.id, accountId: operator.id }))
      .header('referer', urlFor('schools.show', { id: school.id }))
      .loginAs(county)
      .form({ reason: '' })
      .withCsrfToken()
      .redirects(0)
    assert.lengthOf(fieldErrors(reasonless, 'reason'), 1)
    const disabled = await client
      .post(urlFor('school_operators.disable', { id: school.id, accountId: operator.id }))
      .loginAs(county)
      .form({ reason: '该老师已调离本校' })
      .withCsrfToken()
      .redirects(0)
    disabled.assertFlashMessage('success', '账号已停用。')
    const account = (await organizationAccounts('school', school.id))[0]!
    assert.equal(account.status, 'disabled')
    const signIn = await client
      .post(urlFor('sessions.store'))
      .header('referer', urlFor('sessions.create'))
      .form({ identifier: operator.phone, password: operator.password! })
      .withCsrfToken()
      .redirects(0)
    assert.notEqual(signIn.header('location'), '/manage')

    /* An account of another school is not this school's to stop. */
    const other = await createTestSchool()
    const stranger = await createTestAccount({
      role: 'school_operator',
      regionCode: '220104',
      orgType: 'school',
      orgId: other.id,
    })
    const wrong = await client
      .post(urlFor('school_operators.disable', { id: school.id, accountId: stranger.id }))
      .loginAs(county)
      .form({ reason: '不是本校的账号' })
      .withCsrfToken()
      .redirects(0)
    wrong.assertStatus(404)
    assert.equal((await organizationAccounts('school', other.id))[0]!.status, 'active')
  })

  test('only the school\u2019s county opens accounts, for open schools, with a free phone', async ({
    client,
    assert,
  }) => {
    const school = await createTestSchool({ regionCode: '220104' })
    const form = () => ({ displayName: '李老师', phone: uniquePhone() })
    ;(await openAccount(client, await bureau('220102'), school.id, form())).assertStatus(404)
    ;(await openAccount(client, await bureau('220104', 'subunit'), school.id, form())).assertStatus(
      403
    )
    ;(await openAccount(client, await bureau('220100', 'city'), school.id, form())).assertStatus(
      403
    )
    const closed = await createTestSchool({ closed: true })
    ;(await openAccount(client, await bureau('220104'), closed.id, form())).assertStatus(403)

    const taken = await createTestAccount({ role: 'parent' })
    const county = await bureau('220104')
    const duplicate = await openAccount(client, county, school.id, {
      displayName: '李老师',
      phone: taken.phone,
    })
    assert.deepEqual(fieldErrors(duplicate, 'phone'), ['该手机号已绑定其他账号'])
    const badPhone = await openAccount(client, county, school.id, {
      displayName: '李老师',
      phone: '10086',
    })
    assert.deepEqual(fieldErrors(badPhone, 'phone'), ['请输入 11 位中国大陆手机号码'])
    assert.lengthOf(await organizationAccounts('school', school.id), 0)
  })
})
