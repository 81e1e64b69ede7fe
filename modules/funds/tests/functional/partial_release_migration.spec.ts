import testUtils from '@adonisjs/core/services/test_utils'
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { RecordClass } from '../../actions/classes.js'
import { COPY_RELEASED_CLASS_FEES } from '../../database/migrations/0012_copy_released_class_fees.js'
import Consumption from '../../models/consumption.js'
import { payOrder } from '../../testing.js'
import { orderFixture } from './helpers.js'

test.group('Migration 0012: classes released before partial releases', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a class released whole before 0011 gets its fee as released_fen; others keep 0', async ({
    assert,
  }) => {
    const { order, owner } = await orderFixture()
    await payOrder(order)
    const record = (classNo: number) =>
      new RecordClass().handle(owner.user, { contractId: order.contractId, classNo })
    const released = await record(1)
    const pending = await record(2)
    /* The rows as 0011 left them (its default 0 beside a released_at); the check 0013 adds is lifted inside this rolled-back transaction. */
    await db.rawQuery('ALTER TABLE consumptions DROP CONSTRAINT consumptions_released_means_all')
    await Consumption.query()
      .where('id', released.id)
      .update({ status: 'confirmed', released_at: new Date(), released_fen: 0 })
    await db.rawQuery(COPY_RELEASED_CLASS_FEES)
    assert.equal((await Consumption.findOrFail(released.id)).releasedFen, released.feeFen)
    assert.equal((await Consumption.findOrFail(pending.id)).releasedFen, 0)
    /* Run twice, it changes nothing more. */
    const again = await db.rawQuery(COPY_RELEASED_CLASS_FEES)
    assert.equal(again.rowCount, 0)
  })
})
