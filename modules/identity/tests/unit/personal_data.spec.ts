import { test } from '@japa/runner'
import {
  isValidResidentId,
  maskIdNumber,
  maskName,
  maskPhone,
  normalizePhone,
  phoneIndex,
  sealPhone,
  unseal,
} from '#kernel/shared/personal_data'
import { fen, fenFromYuan, formatYuan } from '#kernel/shared/money'

test.group('Personal data', () => {
  test('phones are encrypted, indexed by a keyed hash and shown masked', ({ assert }) => {
    const sealed = sealPhone('+86 139-0000-1234')
    assert.notInclude(sealed.cipher, '13900001234')
    assert.equal(unseal(sealed.cipher), '13900001234')
    assert.equal(sealed.masked, '139****1234')
    assert.equal(sealed.index, phoneIndex('13900001234'), 'same number, same index')
    assert.notEqual(sealed.index, phoneIndex('13900001235'))
    assert.notEqual(sealPhone('13900001234').cipher, sealed.cipher, 'ciphertexts are randomised')
  })

  test('masks and checks', ({ assert }) => {
    assert.equal(normalizePhone('86 138 0013 8000'), '13800138000')
    assert.equal(maskPhone('13800138000'), '138****8000')
    assert.equal(maskIdNumber('220104199001011234'), '220**************4')
    assert.equal(maskName('王丽'), '王*')
    assert.equal(maskName('欧阳文华'), '欧**华')
    assert.isTrue(isValidResidentId('11010519491231002X'))
    assert.isFalse(isValidResidentId('110105194912310021'))
  })
})

test.group('Money in fen', () => {
  test('parses yuan typed by people without floating point', ({ assert }) => {
    assert.equal(fenFromYuan('12'), 1200)
    assert.equal(fenFromYuan('12.5'), 1250)
    assert.equal(fenFromYuan('0.01'), 1)
    assert.equal(fenFromYuan('5000.00'), 500000)
    assert.throws(() => fenFromYuan('1.234'))
    assert.throws(() => fenFromYuan('abc'))
    assert.throws(() => fen(0.5))
  })

  test('formats fen as yuan', ({ assert }) => {
    assert.equal(formatYuan(123456), '1,234.56')
    assert.equal(formatYuan(5), '0.05')
    assert.equal(formatYuan(-100), '-1.00')
  })
})
