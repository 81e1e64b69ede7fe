import { test } from '@japa/runner'
import type { HttpContext } from '@adonisjs/core/http'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import {
  actingBankId,
  actingInstitutionId,
  actsForBank,
  actsForInstitution,
  sameOwnerOr404,
} from '../../services/acting_for.js'
import type { CurrentUser } from '../../services/current_user.js'

const account = (role: string, orgType: string | null, orgId: number | null) =>
  ({ id: 9, role, orgType, orgId }) as CurrentUser
const ctxOf = (user: CurrentUser) =>
  ({ auth: { getUserOrFail: () => user } }) as unknown as HttpContext

test.group('Acting for an institution or a bank', () => {
  test('an institution account acts for its own institution only', ({ assert }) => {
    const owner = account('institution_owner', 'institution', 7)
    assert.equal(actingInstitutionId(ctxOf(owner)), 7)
    assert.isTrue(actsForInstitution(owner, 7))
    assert.isFalse(actsForInstitution(owner, 8))
    assert.isFalse(actsForBank(owner, 7), 'an institution id is not a bank id')
  })

  test('an account that acts for none answers 404, never 403', ({ assert }) => {
    const unfiled = account('institution_owner', null, null)
    assert.throws(() => actingInstitutionId(ctxOf(unfiled)), NotFoundException.message)
    assert.isFalse(actsForInstitution(unfiled, null))
    const unattached = account('bank_operator', null, null)
    assert.throws(() => actingBankId(ctxOf(unattached)), NotFoundException.message)
    assert.isFalse(actsForBank(unattached, null))
  })

  test('a bank operator acts for its bank; another role attached to a bank does not', ({
    assert,
  }) => {
    assert.equal(actingBankId(ctxOf(account('bank_operator', 'bank', 3))), 3)
    assert.isTrue(actsForBank(account('bank_operator', 'bank', 3), 3))
    assert.isFalse(actsForBank(account('bank_operator', 'bank', 3), 4))
    assert.isFalse(actsForBank(account('parent', 'bank', 3), 3))
  })

  test("another owner's record is not found", ({ assert }) => {
    assert.doesNotThrow(() => sameOwnerOr404(5, 5))
    for (const [owner, acting] of [
      [5, 6],
      [null, 5],
      [undefined, 5],
      [5, null],
      [null, null],
    ] as const) {
      try {
        sameOwnerOr404(owner, acting)
        assert.fail(`${owner} vs ${acting} passed`)
      } catch (error) {
        assert.instanceOf(error, NotFoundException)
        assert.equal((error as NotFoundException).status, 404)
      }
    }
  })
})
