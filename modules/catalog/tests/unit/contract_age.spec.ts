import { test } from '@japa/runner'
import { DomainError } from '#kernel/exceptions/domain_error'
import { withResidentIdCheckDigit } from '#kernel/shared/personal_data'
import type Course from '../../models/course.js'
import { assertAgeFits } from '../../services/contract_terms.js'

/* A child born on `birth` (yyyymmdd), with a valid check digit. */
const idBornOn = (birth: string) => withResidentIdCheckDigit(`220104${birth}123`)
const course = (kind: 'academic' | 'non_academic', delivery: 'offline' | 'online') =>
  ({ kind, delivery }) as Course
const TODAY = '2026-12-05'

const refusal = (fn: () => void) => {
  try {
    fn()
    return null
  } catch (error) {
    if (error instanceof DomainError) return error.messageKey
    throw error
  }
}

test.group('Contracts: the child’s age from the ID number', () => {
  test('under 3 is not served; under 6 takes neither academic nor online training', ({
    assert,
  }) => {
    const toddler = idBornOn('20240101')
    const preschooler = idBornOn('20210601')
    const sixToday = idBornOn('20201205')
    const almostSix = idBornOn('20201206')
    const arts = course('non_academic', 'offline')
    assert.equal(
      refusal(() => assertAgeFits(arts, toddler, TODAY)),
      'catalog.contracts.under_three'
    )
    assert.isNull(refusal(() => assertAgeFits(arts, preschooler, TODAY)))
    assert.equal(
      refusal(() => assertAgeFits(course('academic', 'offline'), preschooler, TODAY)),
      'catalog.contracts.preschool_academic'
    )
    assert.equal(
      refusal(() => assertAgeFits(course('non_academic', 'online'), almostSix, TODAY)),
      'catalog.contracts.preschool_online'
    )
    assert.isNull(refusal(() => assertAgeFits(course('academic', 'online'), sixToday, TODAY)))
  })

  test('an ID that is not valid is left to the form’s own check', ({ assert }) => {
    assert.isNull(
      refusal(() => assertAgeFits(course('academic', 'online'), '22010420210601123X', TODAY))
    )
  })
})
