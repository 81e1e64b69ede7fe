import { test } from '@japa/runner'
import { withResidentIdCheckDigit } from '#kernel/shared/personal_data'
import { readResidentId } from '../../children/services/resident_id.js'
import {
  ageBandOf,
  ageOnFirstSeptember,
  gradeFitsAge,
  gradeIn,
  schoolYearOf,
} from '../../children/services/grade_age.js'

const TODAY = '2026-12-04'
/** A synthetic ID of Changchun's Chaoyang district with its computed check digit. */
const id = (birth: string, sequence = '024') =>
  withResidentIdCheckDigit(`220104${birth.replaceAll('-', '')}${sequence}`)

test.group('Children: what an ID number says', () => {
  test('a right check digit passes; each wrong one is refused as a check-digit error', ({
    assert,
  }) => {
    const good = id('2018-03-15')
    assert.isTrue(readResidentId(good, TODAY).ok)
    const digits = '0123456789X'.split('').filter((d) => d !== good[17])
    for (const digit of digits) {
      const read = readResidentId(good.slice(0, 17) + digit, TODAY)
      assert.deepEqual(read, { ok: false, problem: 'check_digit' }, digit)
    }
  })

  test('a short, long or lettered number is a format error; a lower-case x is read as X', ({
    assert,
  }) => {
    for (const bad of ['22010420180315024', '2201042018031502412', '22010A201803150241'])
      assert.deepEqual(readResidentId(bad, TODAY), { ok: false, problem: 'format' })
    const withX = ['220104201803150', '2', '8'].join('')
    const valid = [...'0123456789'].map((d) => withResidentIdCheckDigit(withX.slice(0, 16) + d))
    const x = valid.find((v) => v.endsWith('X'))!
    assert.isTrue(readResidentId(x.toLowerCase(), TODAY).ok)
  })

  test('the birth date and the sex are read from it', ({ assert }) => {
    const girl = readResidentId(id('2018-03-15', '024'), TODAY)
    const boy = readResidentId(id('2014-06-02', '037'), TODAY)
    assert.deepInclude(girl, { ok: true })
    assert.include((girl as any).facts, { birthDate: '2018-03-15', sex: 'female' })
    assert.include((boy as any).facts, { birthDate: '2014-06-02', sex: 'male' })
  })

  test('an impossible or future birth date is refused', ({ assert }) => {
    assert.deepEqual(readResidentId(id('2018-02-30'), TODAY), { ok: false, problem: 'birth_date' })
    assert.deepEqual(readResidentId(id('2027-01-01'), TODAY), { ok: false, problem: 'birth_date' })
  })
})

test.group('Children: a grade plausible at the age', () => {
  test('the school year starts on 1 September', ({ assert }) => {
    assert.equal(schoolYearOf('2026-08-31'), 2025)
    assert.equal(schoolYearOf('2026-09-01'), 2026)
    assert.equal(ageOnFirstSeptember('2020-09-01', 2026), 6)
    assert.equal(ageOnFirstSeptember('2020-09-02', 2026), 5)
  })

  test('primary 1 takes children of 5 to 8 on 1 September, and no one younger or older', ({
    assert,
  }) => {
    assert.deepEqual(ageBandOf('p1'), { from: 5, to: 8 })
    assert.isTrue(gradeFitsAge('p1', '2021-09-01', 2026))
    assert.isTrue(gradeFitsAge('p1', '2018-01-01', 2026))
    assert.isFalse(gradeFitsAge('p1', '2021-09-02', 2026), 'four on 1 September')
    assert.isFalse(gradeFitsAge('p1', '2017-08-31', 2026), 'nine on 1 September')
    assert.isFalse(gradeFitsAge('s3', '2018-03-15', 2026), 'an eight-year-old in senior 3')
    assert.isTrue(gradeFitsAge('k1', '2023-03-01', 2026))
  })

  test('a grade moves up each school year and ends after senior 3', ({ assert }) => {
    assert.equal(gradeIn('p1', 2026, 2026), 'p1')
    assert.equal(gradeIn('p6', 2026, 2027), 'j1')
    assert.equal(gradeIn('k3', 2025, 2026), 'p1')
    assert.isNull(gradeIn('s3', 2026, 2027))
  })
})
