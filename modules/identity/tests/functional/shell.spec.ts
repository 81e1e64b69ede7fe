import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { createTestAccount } from '../../testing.js'

test.group('Website and terminal shell', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the home page is in Chinese by default and switches to English', async ({ client }) => {
    const zh = await client.get('/')
    zh.assertTextIncludes('校外培训，官方查询')
    zh.assertTextIncludes('lang="zh-CN"')

    const switched = await client
      .get(urlFor('site.locale', { locale: 'en' }, { qs: { back: '/login' } }))
      .redirects(0)
    switched.assertHeader('location', '/login')
    switched.assertCookie('xw-locale')

    const en = await client.get('/').withPlainCookie('xw-locale', 'en')
    en.assertTextIncludes('Off-campus training, checked officially')
    const fromBrowser = await client.get('/').header('accept-language', 'en-US,en;q=0.9')
    fromBrowser.assertTextIncludes('lang="en"')
  })

  test('unknown pages and forbidden actions get pages in the layout, never a stack trace', async ({
    client,
  }) => {
    const missing = await client.get('/no/such/page')
    missing.assertStatus(404)
    missing.assertTextIncludes('页面不存在')
    missing.assertTextIncludes('class="site-header"')

    const parent = await createTestAccount({ role: 'parent' })
    const forbidden = await client.get('/manage').loginAs(parent.user)
    forbidden.assertStatus(403)
    forbidden.assertTextIncludes('无权访问')
    forbidden.assertTextIncludes('class="site-header"')
    if (forbidden.text().includes('at ') && forbidden.text().includes('.ts:'))
      throw new Error('stack trace shown')
  })

  test('each terminal shows only the menu its role may use', async ({ client }) => {
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const page = await client.get('/manage').loginAs(county.user)
    page.assertTextIncludes('下级账号管理')
    page.assertTextIncludes('操作日志')
    page.assertTextIncludes('吉林省 / 长春市 / 朝阳区')

    const school = await createTestAccount({ role: 'school_operator', regionCode: '220104' })
    const schoolPage = await client.get('/manage').loginAs(school.user)
    schoolPage.assertStatus(200)
    if (schoolPage.text().includes('下级账号管理'))
      throw new Error('school sees account management')
  })

  test('htmx requests are accepted with the CSRF header and refused without it', async ({
    client,
  }) => {
    const county = await createTestAccount({
      role: 'admin',
      adminLevel: 'county',
      regionCode: '220104',
    })
    const school = await createTestAccount({ role: 'school_operator', regionCode: '220104' })
    /* Every page hands htmx the token as a header for all its requests. */
    const page = await client.get(urlFor('accounts.show', { id: school.id })).loginAs(county.user)
    page.assertTextIncludes('hx-headers=\'{"X-CSRF-TOKEN": "')
    page.assertTextIncludes('hx-post="/manage/accounts/')

    /* withCsrfToken() sends the token in the X-CSRF-TOKEN header, as htmx does. */
    const accepted = await client
      .post(urlFor('accounts.reveal_phone', { id: school.id }))
      .loginAs(county.user)
      .header('hx-request', 'true')
      .withCsrfToken()
    accepted.assertStatus(200)
    accepted.assertTextIncludes(school.phone)

    const refused = await client
      .post(urlFor('accounts.reveal_phone', { id: school.id }))
      .loginAs(county.user)
      .header('hx-request', 'true')
      .redirects(0)
    refused.assertStatus(302)
    refused.assertFlashMessage('error', '页面已过期或来源不明，请刷新页面后重试')
  })

  test('each terminal is installable: manifest, icons, service worker and offline page', async ({
    client,
    assert,
  }) => {
    const manifest = await client.get(urlFor('site.manifest', { terminal: 'parent.webmanifest' }))
    manifest.assertStatus(200)
    assert.equal(manifest.body().start_url, '/parent')
    assert.equal(manifest.body().display, 'standalone')
    assert.lengthOf(manifest.body().icons, 3)
    for (const icon of manifest.body().icons) (await client.get(icon.src)).assertStatus(200)
    ;(await client.get('/sw.js')).assertStatus(200)
    ;(await client.get('/offline')).assertTextIncludes('网络已断开')
    ;(await client.get('/manifest/nope.webmanifest')).assertStatus(404)
    const htmx = await client.get(urlFor('site.vendor', { file: 'htmx.min.js' }))
    htmx.assertStatus(200)
    htmx.assertTextIncludes('htmx')
    ;(await client.get(urlFor('site.vendor', { file: '../../package.json' }))).assertStatus(404)
  })
})
