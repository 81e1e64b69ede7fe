import { test } from '@japa/runner'
import { type Rules, addWorkingDays, definePlugin } from '#plugin_sdk'
import { testHostFor } from '#plugin_sdk/testing'
import type { ReleaseClass, ReleaseInput, ReleaseOrder } from '../../extension_points.js'
import '../../extension_points.js'
import { retainAFifth, wuhuSchedule, zigongSchedule } from '../release_rules.js'

/*
| Each example plugin governs one province, and its rule (../release_rules.ts)
| picks its city; each pins the point versions its rules were written for,
| as a real plugin should.
*/
const example = (id: string, region: string, rules: Rules) =>
  definePlugin({
    id,
    name: { 'zh-CN': `${id}（示例）`, 'en': `${id} (example)` },
    version: '0.1.0',
    platform: '^1.0.0',
    regions: [region],
    rules,
    pins: Object.fromEntries(
      Object.keys(rules).map((point) => [point, point === 'funds.release.schedule' ? 2 : 1])
    ),
  })

const wuhu = example('wuhu_example', '340000', { 'funds.release.schedule': wuhuSchedule })
const zigong = example('zigong_example', '510000', { 'funds.release.schedule': zigongSchedule })
const retaining = example('retain_example', '450000', { 'funds.release.schedule': retainAFifth })
/* A city whose bank balance need only cover a fifth of what is held before the alarm: a threshold, no money moves. */
const coverage = example('coverage_example', '510000', {
  'funds.escrow.policy': async (_input, { region, next }) =>
    region.startsWith('5103') ? { heldShareBp: 2_000 } : next(),
})

/** An order of 12 classes at ¥100 (classes 13–24 of its contract), paid, nothing taken yet. */
function order(overrides: Partial<ReleaseOrder> = {}): ReleaseOrder {
  return {
    id: 1,
    firstClass: 13,
    lastClass: 24,
    classCount: 12,
    pricePerClassFen: 10_000,
    firstClassDate: '2026-03-07',
    lastClassDate: '2026-04-30',
    lastHeldOn: null,
    classesConsumed: 0,
    classesPending: 0,
    classesDisputed: 0,
    classesRefunded: 0,
    classesLeft: 12,
    paidFen: 120_000,
    releasedFen: 0,
    refundingFen: 0,
    refundedFen: 0,
    unconsumedFen: 120_000,
    heldFen: 120_000,
    ...overrides,
  }
}

/** The order's class `classNo` (13–24), confirmed the day after it was held. */
function confirmedClass(classNo: number, overrides: Partial<ReleaseClass> = {}): ReleaseClass {
  return {
    id: 100 + classNo,
    classNo,
    heldOn: '2026-03-07',
    confirmedOn: '2026-03-08',
    feeFen: 10_000,
    releasedFen: 0,
    ...overrides,
  }
}

/** The order with its first `taken` classes taken, `releasedFen` of their fees released, and `confirmed` the ones not fully released. */
function input(
  today: string,
  state: { taken: number; releasedFen: number; confirmed: ReleaseClass[] } & Partial<ReleaseOrder>
): ReleaseInput {
  const { taken, releasedFen, confirmed, ...rest } = state
  const left = 12 - taken
  return {
    today,
    order: order({
      lastHeldOn: taken ? '2026-04-25' : null,
      classesConsumed: taken,
      classesLeft: left,
      releasedFen,
      unconsumedFen: left * 10_000,
      heldFen: 120_000 - releasedFen,
      ...rest,
    }),
    confirmed,
  }
}

const twoConfirmed = () =>
  input('2026-03-16', {
    taken: 2,
    releasedFen: 0,
    confirmed: [confirmedClass(13), confirmedClass(14)],
  })

test.group('Funds extension points', () => {
  test('the national release schedule pays each confirmed class its whole fee at once', async ({
    assert,
  }) => {
    const host = testHostFor(wuhu)
    assert.deepEqual(await host.resolve('funds.release.schedule', '130102', twoConfirmed()), [
      { classId: 113, fen: 10_000 },
      { classId: 114, fen: 10_000 },
    ])
    /* A class part of whose fee an earlier rule released gets the rest. */
    assert.deepEqual(
      await host.resolve(
        'funds.release.schedule',
        '130102',
        input('2026-03-16', {
          taken: 1,
          releasedFen: 8_000,
          confirmed: [confirmedClass(13, { releasedFen: 8_000 })],
        })
      ),
      [{ classId: 113, fen: 2_000 }]
    )
  })

  test('a city plugin can hold releases until 15 working days after the order’s last class; a dispute pauses it', async ({
    assert,
  }) => {
    const host = testHostFor(wuhu)
    const all = input('2026-05-06', {
      taken: 12,
      releasedFen: 0,
      confirmed: Array.from({ length: 12 }, (_, i) => confirmedClass(13 + i)),
    })
    const on = (today: string, region = '340202', extra: Partial<ReleaseOrder> = {}) =>
      host.resolve('funds.release.schedule', region, {
        ...all,
        today,
        order: { ...all.order, ...extra },
      })
    assert.deepEqual(await on('2026-05-06'), [])
    /* 15 working days after 30 April 2026, skipping the Labour Day holiday (1–5 May) and counting Saturday 9 May. */
    assert.equal(addWorkingDays('2026-04-30', 15), '2026-05-25')
    assert.deepEqual(await on('2026-05-25'), [])
    const paid = await on('2026-05-26')
    assert.lengthOf(paid, 12)
    assert.equal(
      paid.reduce((n, p) => n + p.fen, 0),
      120_000
    )
    assert.deepEqual(await on('2026-05-26', '340202', { classesDisputed: 1 }), [])
    /* Elsewhere in Anhui, the national default. */
    assert.lengthOf(await on('2026-05-06', '340102'), 12)
  })

  test('a retained share: four fifths of each fee at confirmation, the last fifth after the order ends', async ({
    assert,
  }) => {
    const host = testHostFor(retaining)
    assert.deepEqual(await host.resolve('funds.release.schedule', '450102', twoConfirmed()), [
      { classId: 113, fen: 8_000 },
      { classId: 114, fen: 8_000 },
    ])
    /* Asked again the next day: the four fifths are out, nothing more is due. */
    const retained = input('2026-03-17', {
      taken: 2,
      releasedFen: 16_000,
      confirmed: [
        confirmedClass(13, { releasedFen: 8_000 }),
        confirmedClass(14, { releasedFen: 8_000 }),
      ],
    })
    assert.deepEqual(await host.resolve('funds.release.schedule', '450102', retained), [])
    /* The daily re-ask after the last class plus 15 working days pays what was retained, to the fen. */
    assert.deepEqual(
      await host.resolve('funds.release.schedule', '450102', { ...retained, today: '2026-05-26' }),
      [
        { classId: 113, fen: 2_000 },
        { classId: 114, fen: 2_000 },
      ]
    )
    /* An odd fee keeps the larger share: ¥99.99 retains ¥20.00 (ceil of 1,999.8 fen). */
    assert.deepEqual(
      await host.resolve(
        'funds.release.schedule',
        '450102',
        input('2026-03-16', {
          taken: 1,
          releasedFen: 0,
          confirmed: [confirmedClass(13, { feeFen: 9_999 })],
        })
      ),
      [{ classId: 113, fen: 7_999 }]
    )
  })

  test('a minimum balance: partial amounts keep a fifth of the paid fees held until no class is left', async ({
    assert,
  }) => {
    const host = testHostFor(zigong)
    /* Nine classes out (¥900), class 22 confirmed: ¥300 held, ¥240 must stay, so ¥60 of its ¥100 goes. */
    const tenth = input('2026-04-20', {
      taken: 10,
      releasedFen: 90_000,
      confirmed: [confirmedClass(22)],
    })
    assert.deepEqual(await host.resolve('funds.release.schedule', '510302', tenth), [
      { classId: 122, fen: 6_000 },
    ])
    const eleventh = input('2026-04-27', {
      taken: 11,
      releasedFen: 96_000,
      confirmed: [confirmedClass(22, { releasedFen: 6_000 }), confirmedClass(23)],
    })
    assert.deepEqual(await host.resolve('funds.release.schedule', '510302', eleventh), [])
    /* The last class confirmed, none left: the balance is released. */
    assert.deepEqual(
      await host.resolve(
        'funds.release.schedule',
        '510302',
        input('2026-05-01', {
          taken: 12,
          releasedFen: 96_000,
          confirmed: [
            confirmedClass(22, { releasedFen: 6_000 }),
            confirmedClass(23),
            confirmedClass(24),
          ],
        })
      ),
      [
        { classId: 122, fen: 4_000 },
        { classId: 123, fen: 10_000 },
        { classId: 124, fen: 10_000 },
      ]
    )
    /* Elsewhere in Sichuan, the national default. */
    assert.deepEqual(await host.resolve('funds.release.schedule', '510104', tenth), [
      { classId: 122, fen: 10_000 },
    ])
  })

  test('a plugin pinned to the release schedule’s first shape is refused at start-up', async ({
    assert,
  }) => {
    assert.throws(
      () => testHostFor({ ...wuhu, pins: { 'funds.release.schedule': 1 } }),
      /"funds.release.schedule" is version 2 here/
    )
  })

  test('the escrow policy is a coverage threshold: all held fees nationally, what a plugin says where it applies', async ({
    assert,
  }) => {
    const host = testHostFor(coverage)
    assert.deepEqual(
      await host.resolve('funds.escrow.policy', '110105', { escrowModel: 'bank_custody' }),
      { heldShareBp: 10_000 }
    )
    assert.deepEqual(
      await host.resolve('funds.escrow.policy', '510302', { escrowModel: 'bank_custody' }),
      { heldShareBp: 2_000 }
    )
    assert.deepEqual(
      await host.resolve('funds.escrow.policy', '510104', { escrowModel: 'bank_custody' }),
      { heldShareBp: 10_000 }
    )
  })

  test('national deadlines: 15 working days to confirm a class, 5 to answer a refund', async ({
    assert,
  }) => {
    const host = testHostFor(zigong)
    assert.deepEqual(await host.resolve('funds.deadlines', '220104', {}), {
      classConfirmWorkingDays: 15,
      refundAnswerWorkingDays: 5,
      unpaidOrderMinutes: 30,
      settlementGraceHours: 48,
    })
  })
})
