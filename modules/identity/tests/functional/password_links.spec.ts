import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import db from '@adonisjs/lucid/services/db'
import { createTestAccount, uniquePhone } from '../../testing.js'
import { lastMessageTo, linkIn } from '../texts.js'

test.group('Accounts get a one-time link, never a default password', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  async function openAccount(client: any) {
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const phone = uniquePhone()
    const response = await client
      .post(urlFor('accounts.store'))
      .loginAs(county.user)
      .form({
        kind: 'admin:subunit',
        regionCode: '220104',
        unitName: '南湖街道教育办',
        displayName: '周立新',
        phone,
        username: 'nanhu_01',
      })
      .withCsrfToken()
      .redirects(0)
    return { county, phone, response }
  }

  test('a new account has no password and its holder gets a link by text', async ({
    client,
    assert,
  }) => {
    const { phone, response } = await openAccount(client)
    response.assertStatus(302)
    const account = await db.from('users').where('username', 'nanhu_01').firstOrFail()
    assert.isNull(account.password)
    assert.equal(account.status, 'pending')
    assert.equal(account.admin_level, 'subunit')
    assert.equal(account.county_code, '220104')
    const link = linkIn(await lastMessageTo(phone))
    assert.match(link!, /^\/password\/set\/[\w-]{43}$/)
    /* Only the hash of the link's secret is stored. */
    const token = await db.from('account_tokens').where('user_id', account.id).firstOrFail()
    assert.notInclude(link!, token.token_hash)
  })

  test('the link sets the password once, signs the holder in, then stops working', async ({
    client,
    assert,
  }) => {
    const { phone } = await openAccount(client)
    const link = linkIn(await lastMessageTo(phone))!
    const form = await client.get(link)
    form.assertStatus(200)
    form.assertTextIncludes('周立新')

    const set = await client
      .post(link)
      .form({ password: 'nanhu office 2026', passwordConfirmation: 'nanhu office 2026' })
      .withCsrfToken()
      .redirects(0)
    set.assertHeader('location', '/manage')
    const account = await db.from('users').where('username', 'nanhu_01').firstOrFail()
    assert.equal(account.status, 'active')

    const again = await client.get(link)
    again.assertStatus(410)
    again.assertTextIncludes('链接已失效')
    const reuse = await client
      .post(link)
      .form({ password: 'another pass 99', passwordConfirmation: 'another pass 99' })
      .withCsrfToken()
      .redirects(0)
    reuse.assertStatus(410)

    const signIn = await client
      .post(urlFor('sessions.store'))
      .form({ identifier: 'nanhu_01', password: 'nanhu office 2026' })
      .withCsrfToken()
      .redirects(0)
    signIn.assertHeader('location', '/manage')
  })

  test('expired and unknown links say so; a newer link replaces the old one', async ({
    client,
    assert,
  }) => {
    const { phone } = await openAccount(client)
    const first = linkIn(await lastMessageTo(phone))!
    const account = await db.from('users').where('username', 'nanhu_01').firstOrFail()

    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    await client
      .post(urlFor('accounts.reset', { id: account.id }))
      .loginAs(county.user)
      .withCsrfToken()
      .redirects(0)
    const second = linkIn(await lastMessageTo(phone))!
    assert.notEqual(first, second)
    ;(await client.get(first)).assertStatus(410)
    ;(await client.get(second)).assertStatus(200)

    await db
      .from('account_tokens')
      .where('user_id', account.id)
      .update({ expires_at: new Date(Date.now() - 1000) })
    ;(await client.get(second)).assertStatus(410)
    ;(await client.get('/password/set/not-a-real-token')).assertStatus(410)
  })
})
