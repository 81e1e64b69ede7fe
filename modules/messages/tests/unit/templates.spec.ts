import { test } from '@japa/runner'
import env from '#start/env'
import { providerConfigProblems } from '../../channels/configured.js'
import { templatePreviews } from '../../queries/template_previews.js'
import {
  TemplateParameterError,
  fitParam,
  renderMasked,
  renderMessage,
} from '../../services/render.js'
import { MESSAGE_KINDS, TEMPLATES } from '../../templates.js'

test.group('Messages: every template is one a provider can approve', () => {
  test('each text uses exactly its declared variables, in both languages, and no other placeholder', ({
    assert,
  }) => {
    for (const template of TEMPLATES.values()) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const used = [...template.text[locale].matchAll(/\{(\w+)\}/g)].map((m) => m[1])
        assert.sameMembers(
          [...new Set(used)],
          template.params.map((p) => p.name),
          `${template.kind} (${locale})`
        )
      }
    }
  })

  test('links are the platform’s own address, written into the template, never a variable', ({
    assert,
  }) => {
    const app = env.get('APP_URL').replace(/\/+$/, '')
    for (const preview of templatePreviews('zh-CN')) {
      for (const link of preview.sample.match(/https?:\/\/\S+/g) ?? []) {
        assert.isTrue(link.startsWith(`${app}/`), `${preview.kind}: ${link}`)
      }
      assert.notMatch(preview.sample, /\{\w+\}|\{@app\}/, `${preview.kind} left a placeholder`)
    }
  })

  test('a secret variable is masked in what the log and the inbox keep', ({ assert }) => {
    const params = { name: '张老师', what: '您的账号已开通', hours: 48, token: 'T'.repeat(43) }
    assert.include(renderMessage('password_link', params), 'T'.repeat(43))
    assert.notInclude(renderMasked('password_link', params), 'T'.repeat(43))
    assert.include(renderMasked('password_link', params), '/password/set/******')
    assert.include(renderMasked('verification_code', { code: '123456', minutes: 10 }), '******')
  })

  test('a missing or unknown parameter refuses at render time; typed words are fitted, not refused', ({
    assert,
  }) => {
    const ok = { number: 'TS2027030100000001', what: '已受理' }
    assert.doesNotThrow(() => renderMessage('complaint_update', ok))
    for (const params of [{ number: ok.number }, { ...ok, extra: 'x' }]) {
      assert.throws(() => renderMessage('complaint_update', params as any), TemplateParameterError)
    }
    /* An institution named like a link, or a long name, still lets the parent be told. */
    const named = renderMessage('institution_removed', {
      institution: '长春 ABC.com 教育【官方】培训学校有限责任公司第一分校区',
      yuan: '1200.00',
    })
    assert.notMatch(named, /ABC\.com/)
    assert.include(named, 'ABC．com')
    assert.notInclude(named, '【官方】')
    assert.include(named, '…')
    assert.equal(fitParam('王小明', 10), '王小明')
    assert.lengthOf(Array.from(fitParam('买'.repeat(40), 10)), 10)
    /* A secret is never altered: one that does not fit is a programming error. */
    assert.throws(
      () => renderMessage('verification_code', { code: '1234567', minutes: 10 }),
      TemplateParameterError
    )
  })

  test('a provider channel without its keys or a template code for every kind does not start', ({
    assert,
  }) => {
    const saved = env.get('SMS_TEMPLATE_CODES')
    try {
      env.set('SMS_TEMPLATE_CODES', JSON.stringify({ verification_code: 'SMS_1' }))
      const problems = providerConfigProblems('tencent').join('; ')
      assert.include(problems, 'TENCENT_SECRET_ID is not set')
      assert.include(problems, 'SMS_TEMPLATE_CODES has no code for already_registered')
      assert.notInclude(problems, 'no code for verification_code,')
      assert.deepEqual(providerConfigProblems('outbox'), [])
      env.set('SMS_TEMPLATE_CODES', '{not json')
      assert.include(providerConfigProblems('aliyun').join('; '), 'not valid JSON')
    } finally {
      env.set('SMS_TEMPLATE_CODES', saved ?? '')
    }
    assert.isAbove(MESSAGE_KINDS.length, 10)
  })
})
