import { test } from '@japa/runner'
import { readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import testUtils from '@adonisjs/core/services/test_utils'
import limiter from '@adonisjs/limiter/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'
import hash from '@adonisjs/core/services/hash'
import { Hash } from '@adonisjs/core/hash'
import { Scrypt } from '@adonisjs/core/hash/drivers/scrypt'
import db from '@adonisjs/lucid/services/db'
import { withoutSecrets } from '#kernel/shared/flash_secrets'
import { localPath } from '#kernel/shared/safe_redirect'
import { createTestAccount } from '#testing/identity'

/* Kernel-wide protections: what sessions keep, what the disk keeps, where redirects go, which headers go out. */
test.group('Kernel hardening', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  /* Sign-ins here must not meet counters that earlier suites (the matrix, browser sign-ins) spent from 127.0.0.1 in the memory limiter. */
  group.each.setup(() => limiter.clear())

  test('a failed password change flashes no password', async ({ client, assert }) => {
    const admin = await createTestAccount({ role: 'admin', regionCode: '220104' })
    const response = await client
      .put(urlFor('passwords.update'))
      .header('referer', '/account/password')
      .loginAs(admin.user)
      .form({
        'currentPassword': 'my-current-secret-77',
        'password': 'short1',
        'passwordConfirmation': 'short1',
        'legalRepIdNumber': '220102198001011234',
        'staff[0][idNumber]': '220102199002023456',
        'staff[0][name]': '张华',
        'regionCode': '220104',
      })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    const flashed = response.flashMessages() as Record<string, unknown>
    assert.property(flashed, 'inputErrorsBag', 'the validation failed and was flashed')
    const stored = JSON.stringify(flashed)
    for (const secret of [
      'my-current-secret-77',
      'short1',
      '220102198001011234',
      '220102199002023456',
    ])
      assert.notInclude(stored, secret)
    /* What is not secret comes back, so nothing else typed is lost. */
    assert.equal(flashed.regionCode, '220104')
    assert.deepEqual((flashed.staff as any)[0], { name: '张华' })
  })

  test('the flash rule drops passwords, ID numbers, tokens and codes of any spelling, nested too', async ({
    assert,
  }) => {
    const input = {
      password: 'a',
      passwordConfirmation: 'b',
      password_confirmation: 'c',
      currentPassword: 'd',
      idNumber: 'e',
      studentIdNumber: 'f',
      code: '123456',
      trackingCode: 'g',
      apiSecret: 'h',
      token: 'i',
      creditCode: '91220104MA00000000',
      regionCode: '220104',
      name: '王丽',
      students: [{ studentIdNumber: 'j', name: '小明' }],
    }
    assert.deepEqual(withoutSecrets(input), {
      creditCode: '91220104MA00000000',
      regionCode: '220104',
      name: '王丽',
      students: [{ name: '小明' }],
    })
  })

  test('temporary upload files are gone after the request', async ({ client, assert }) => {
    const marker = `upload-marker-${randomUUID()}`
    const body = Buffer.from(`%PDF-1.4\n${marker}\n${'x'.repeat(64 * 1024)}`)
    const before = new Set(await readdir(tmpdir()))
    /* An anonymous post to a page that takes no upload, and one with a bad CSRF token: both used to leave the file behind. */
    await client
      .post(urlFor('sessions.store'))
      .file('evidence', body, { filename: 'id-card.pdf' })
      .field('identifier', 'x')
      .withCsrfToken()
      .redirects(0)
    await client
      .post(urlFor('sessions.store'))
      .file('evidence', body, { filename: 'id-card.pdf' })
      .field('identifier', 'x')
      .redirects(0)
    const leftovers: string[] = []
    for (const name of (await readdir(tmpdir())).filter((n) => !before.has(n))) {
      const content = await readFile(join(tmpdir(), name)).catch(() => null)
      if (content?.includes(marker)) leftovers.push(name)
    }
    assert.deepEqual(leftovers, [])
  })

  test('the language switch refuses /\\evil.example', async ({ client, assert }) => {
    for (const back of [
      '/\\evil.example',
      '//evil.example',
      '/\t/evil.example',
      '/\\/evil.example',
      'https://evil.example',
    ]) {
      const response = await client.get(`/locale/en?back=${encodeURIComponent(back)}`).redirects(0)
      response.assertStatus(302)
      response.assertHeader('location', '/')
    }
    const fine = await client
      .get(`/locale/en?back=${encodeURIComponent('/search?q=英语')}`)
      .redirects(0)
    assert.equal(decodeURIComponent(fine.header('location') ?? ''), '/search?q=英语')
    assert.isNull(localPath('/\\evil.example'))
    assert.equal(localPath('/manage/accounts?page=2'), '/manage/accounts?page=2')
  })

  test('signed-in pages are no-store; every response has a referrer policy and a CSP without unsafe-eval', async ({
    client,
    assert,
  }) => {
    const admin = await createTestAccount({ role: 'admin', regionCode: '220104' })
    const signedIn = await client.get('/manage').loginAs(admin.user)
    signedIn.assertStatus(200)
    signedIn.assertHeader('cache-control', 'no-store')
    signedIn.assertHeader('referrer-policy', 'strict-origin-when-cross-origin')

    const anonymous = await client.get('/')
    anonymous.assertHeader('referrer-policy', 'strict-origin-when-cross-origin')
    assert.notEqual(anonymous.header('cache-control'), 'no-store', 'public pages may be cached')
    const csp = anonymous.header('content-security-policy')
    assert.include(csp, "script-src 'self'")
    assert.notInclude(csp, 'unsafe-eval')

    const missing = await client.get('/no-such-page').loginAs(admin.user)
    missing.assertStatus(404)
    missing.assertHeader('referrer-policy', 'strict-origin-when-cross-origin')
    missing.assertHeader('cache-control', 'no-store')
  })

  test('new hashes use scrypt N=2^17; old ones still verify and are upgraded at sign-in', async ({
    client,
    assert,
  }) => {
    const made = await hash.make('correct horse 42')
    assert.match(made, /^\$scrypt\$n=131072,r=8,p=1\$/)
    assert.isTrue(await hash.verify(made, 'correct horse 42'))

    const legacy = await new Hash(
      new Scrypt({ cost: 16384, blockSize: 8, parallelization: 1, maxMemory: 33554432 })
    ).make('an old password 1')
    assert.isTrue(await hash.verify(legacy, 'an old password 1'))
    assert.isTrue(hash.needsReHash(legacy))

    const admin = await createTestAccount({
      role: 'admin',
      regionCode: '220104',
      username: 'ccy_legacy_hash',
    })
    await db.from('users').where('id', admin.id).update({ password: legacy })
    const response = await client
      .post(urlFor('sessions.store'))
      .form({ identifier: 'ccy_legacy_hash', password: 'an old password 1' })
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/manage')
    const row = await db.from('users').where('id', admin.id).firstOrFail()
    assert.match(row.password, /^\$scrypt\$n=131072,/)
  }).timeout(60_000)
})
