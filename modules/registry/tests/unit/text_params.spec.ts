import { test } from '@japa/runner'
import { renderMessage } from '#modules/messages'
import { clipTextParam } from '../../actions/remind_responsible_bureau.js'

test.group('Names in text variables', () => {
  test('a long name is cut to the variable’s length, the cut marked', ({ assert }) => {
    const what = clipTextParam(`备案待审核：${'长春市朝阳区'.repeat(8)}培训学校`, 35)
    assert.lengthOf(what, 35)
    assert.isTrue(what.endsWith('…'))
    assert.equal(clipTextParam('备案待审核：启明学校', 35), '备案待审核：启明学校')
  })

  test('a name that looks like a web address still renders (providers refuse links in variables)', ({
    assert,
  }) => {
    const what = clipTextParam('备案待审核：xuele.com 在线 http://x.cn', 35)
    assert.notInclude(what, '.')
    assert.include(
      renderMessage('deadline_reminder', { what, due: '2026-03-11' }),
      'xuele．com 在线 http：//x．cn'
    )
  })

  test('a character outside the basic plane is never split', ({ assert }) => {
    const what = clipTextParam(`${'字'.repeat(33)}😀😀`, 35)
    assert.equal(what, `${'字'.repeat(33)}…`)
  })
})
