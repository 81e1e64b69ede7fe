import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { createTestAccount } from '#testing/identity'
import { createFiledInstitution, createStaffMember, residentId } from '#testing/registry'
import { courseDraft, createCourse, signedContractFixture } from '#testing/catalog'
import { CreateOrder } from '../../actions/create_order.js'
import { runningCourse } from './helpers.js'

/* A freshly signed, unpaid contract: the catalog holds its seat for a few minutes only. */
async function unpaidContract(payAfterClass = false) {
  const institution = await createFiledInstitution({
    regionCode: '220104',
    categories: ['arts', 'academic'],
  })
  const teacher = await createStaffMember(
    institution.id,
    '李老师',
    residentId(Math.floor(Math.random() * 900) + 100)
  )
  const course = await createCourse(
    institution.id,
    courseDraft({ teacherIds: [teacher.id], ...runningCourse(), payAfterClass }),
    'on_sale'
  )
  const parent = await createTestAccount({ role: 'parent', regionCode: '220104' })
  const contractId = await signedContractFixture(course.id, parent.id)
  await db
    .from('contracts')
    .where('id', contractId)
    .update({ seat_held_until: DateTime.now().plus({ minutes: 5 }).toJSDate() })
  return { contractId, parent }
}

const holdOf = async (contractId: number) =>
  (await db.from('contracts').where('id', contractId).firstOrFail()).seat_held_until as Date | null

test.group('Orders keep the seat of an unpaid contract while they can be paid', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an order awaiting payment holds the seat until the order lapses', async ({ assert }) => {
    const { contractId, parent } = await unpaidContract()
    const order = await new CreateOrder().handle(parent.user, contractId)
    assert.approximately((await holdOf(contractId))!.getTime(), order.expiresAt!.toMillis(), 1000)
  })

  test('choosing to pay after each class holds the seat for the contract', async ({ assert }) => {
    const { contractId, parent } = await unpaidContract(true)
    await new CreateOrder().handle(parent.user, contractId, { mode: 'pay_later' })
    assert.isNull(await holdOf(contractId))
  })

  test('a contract whose hold ran out takes no order', async ({ assert }) => {
    const { contractId, parent } = await unpaidContract()
    await db
      .from('contracts')
      .where('id', contractId)
      .update({ seat_held_until: DateTime.now().minus({ minutes: 1 }).toJSDate() })
    await assert.rejects(
      () => new CreateOrder().handle(parent.user, contractId),
      /catalog.contracts.seat_released/
    )
    assert.equal(
      Number((await db.from('orders').where('contract_id', contractId).count('* as n'))[0].n),
      0
    )
  })
})
