import testUtils from '@adonisjs/core/services/test_utils'
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { lastMessageTo } from '#testing/messages'
import { contractSummary } from '#modules/catalog'
import { AutoConfirmClasses, RecordClass } from '../../actions/classes.js'
import Consumption from '../../models/consumption.js'
import FundAnomaly from '../../models/fund_anomaly.js'
import Order from '../../models/order.js'
import { payOrder } from '../../testing.js'
import { orderFixture } from './helpers.js'

/* Finding 3: a class counts only if the signed timetable held it. The fixture course started nine weeks ago (classes 1–9 held, 11–12 ahead). */
test.group('Attendance is real', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a class recorded outside the timetable is refused', async ({ assert }) => {
    const { order, owner, contractId } = await orderFixture()
    await payOrder(order)
    const { classDates } = (await contractSummary(contractId))!
    await assert.rejects(
      () =>
        new RecordClass().handle(owner.user, {
          contractId,
          classNo: 1,
          heldOn: DateTime.now().setZone('Asia/Shanghai').toISODate()!,
        }),
      /funds.classes.wrong_date/
    )
    await assert.rejects(
      () => new RecordClass().handle(owner.user, { contractId, classNo: 13 }),
      /funds.classes.not_in_timetable/
    )
    /* Not before its slot has started. */
    await assert.rejects(
      () => new RecordClass().handle(owner.user, { contractId, classNo: 11 }),
      /funds.classes.not_started/
    )
    /* In order: class 2 before class 1 is refused. */
    await assert.rejects(
      () => new RecordClass().handle(owner.user, { contractId, classNo: 2 }),
      /funds.classes.out_of_order/
    )
    const first = await new RecordClass().handle(owner.user, { contractId, classNo: 1 })
    assert.equal(first.heldOn.toISODate(), classDates[0])
    assert.isNotNull(first.slotStartsAt)
    /* At most one per slot. */
    await assert.rejects(
      () => new RecordClass().handle(owner.user, { contractId, classNo: 1, heldOn: classDates[0] }),
      /funds.classes.already_recorded/
    )
    assert.equal((await Order.findOrFail(order.id)).classesConsumed, 1)
  })

  test('racing records of the next classes never skip one or count one twice', async ({
    assert,
  }) => {
    const { order, owner, contractId } = await orderFixture()
    await payOrder(order)
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        new RecordClass().handle(owner.user, { contractId, classNo: 1 + (i % 3) })
      )
    )
    const numbers = (
      await Consumption.query().where('contractId', contractId).orderBy('classNo')
    ).map((c) => c.classNo)
    /* Whatever won, the recorded classes are 1..n with no gap and no repeat. */
    assert.deepEqual(
      numbers,
      Array.from({ length: numbers.length }, (_, i) => i + 1)
    )
    assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, numbers.length)
    assert.equal((await Order.findOrFail(order.id)).classesConsumed, numbers.length)
  })

  test('a black-listed institution cannot record a class', async ({ assert }) => {
    const { order, owner, contractId, institutionId } = await orderFixture()
    await payOrder(order)
    await db.from('institutions').where('id', institutionId).update({ list_status: 'black' })
    await assert.rejects(
      () => new RecordClass().handle(owner.user, { contractId, classNo: 1 }),
      /funds.classes.institution_barred/
    )
    await db
      .from('institutions')
      .where('id', institutionId)
      .update({ list_status: 'white', removed_at: new Date() })
    await assert.rejects(
      () => new RecordClass().handle(owner.user, { contractId, classNo: 1 }),
      /funds.classes.institution_barred/
    )
    assert.lengthOf(await Consumption.query().where('contractId', contractId), 0)
  })

  test('the parent is texted each recorded class, with the page to dispute it', async ({
    assert,
  }) => {
    const { order, owner, parent, contractId } = await orderFixture()
    await payOrder(order)
    const { classDates } = (await contractSummary(contractId))!
    await new RecordClass().handle(owner.user, { contractId, classNo: 1 })
    const first = await lastMessageTo(parent.phone)
    assert.include(first!, '第1课时')
    assert.include(first!, classDates[0]!)
    assert.include(first!, `/parent/orders/${order.id}#class-1`)
    await new RecordClass().handle(owner.user, { contractId, classNo: 2 })
    assert.include((await lastMessageTo(parent.phone))!, '第2课时')
  })

  test('clearing a backlog of far more classes than the timetable held this week raises a fund anomaly', async ({
    assert,
  }) => {
    const { order, owner, contractId, institutionId } = await orderFixture()
    await payOrder(order)
    /* Thirty classes of slots weeks ago, recorded in the last days (another contract's backlog, written straight to the table). */
    const old = DateTime.now().minus({ days: 40 })
    await db.table('consumptions').multiInsert(
      Array.from({ length: 30 }, (_, i) => ({
        order_id: order.id,
        contract_id: contractId,
        institution_id: institutionId,
        class_no: 100 + i,
        held_on: old.toISODate(),
        slot_starts_at: old.toJSDate(),
        fee_fen: 1,
        status: 'confirmed',
        confirm_due_on: old.toISODate(),
        created_at: new Date(),
        updated_at: new Date(),
      }))
    )
    assert.lengthOf(
      await FundAnomaly.query()
        .where('institutionId', institutionId)
        .where('kind', 'attendance_burst'),
      0
    )
    await new RecordClass().handle(owner.user, { contractId, classNo: 1 })
    const anomalies = await FundAnomaly.query()
      .where('institutionId', institutionId)
      .where('kind', 'attendance_burst')
    assert.lengthOf(anomalies, 1)
    assert.equal(anomalies[0]!.evidence.backfilled, 31)
    /* Fingerprinted: one open anomaly, however many more are recorded. */
    await new RecordClass().handle(owner.user, { contractId, classNo: 2 })
    assert.lengthOf(
      await FundAnomaly.query()
        .where('institutionId', institutionId)
        .where('kind', 'attendance_burst'),
      1
    )
  })

  test('silence confirms only classes recorded against the timetable', async ({ assert }) => {
    const { order, owner, contractId } = await orderFixture()
    await payOrder(order)
    const checked = await new RecordClass().handle(owner.user, { contractId, classNo: 1 })
    /* A class written without its slot (as before the timetable check) waits for the parent. */
    const unchecked = await Consumption.create({
      orderId: order.id,
      contractId,
      institutionId: order.institutionId,
      classNo: 2,
      heldOn: DateTime.now(),
      feeFen: order.pricePerClassFen,
      status: 'pending',
      confirmDueOn: DateTime.now().minus({ days: 30 }),
      recordedBy: owner.id,
      slotStartsAt: null,
    })
    await new AutoConfirmClasses().handle(DateTime.now().plus({ days: 60 }).toISODate()!)
    assert.equal((await Consumption.findOrFail(checked.id)).status, 'auto_confirmed')
    assert.equal((await Consumption.findOrFail(unchecked.id)).status, 'pending')
  })
})
