import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { refreshRollups, markDirty } from '../../services/rollups.js'
import { institutionFigures, regionFigures } from '../../queries/dashboard.js'
import RefreshRollupsJob from '../../jobs/refresh_rollups_job.js'
import { expectedFigures, insertComplaint, mixedWorld, nonZero } from './reports_fixtures.js'

const REGIONS = [
  '000000',
  '220000',
  '130000',
  '220100',
  '220200',
  '130100',
  '220104',
  '220102',
  '220204',
  '130102',
]

async function rollupRows() {
  const rows = await db
    .from('stat_rollups')
    .select('level', 'region_code', 'institution_id', 'metric', 'value', 'refreshed_at')
  return new Map(
    rows.map((r) => [
      `${r.level}|${r.region_code}|${r.institution_id}|${r.metric}`,
      { value: Number(r.value), at: new Date(r.refreshed_at).getTime() },
    ])
  )
}

test.group('Reports: dashboard totals match the records', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('every figure at country, province, city, county and institution level equals a direct count of the sources', async ({
    assert,
  }) => {
    const { institutions } = await mixedWorld()
    /* Answered and waiting on the complainant: past its date, but nobody's handling is late. */
    await insertComplaint({
      region: '220104',
      institutionId: institutions[0]!.id,
      type: 'service',
      status: 'replied',
      overdue: true,
    })
    await refreshRollups()
    assert.equal(
      (await regionFigures('220104')).total['complaints.overdue'],
      1,
      'only the accepted case past its deadline is overdue'
    )

    for (const region of REGIONS) {
      const figures = await regionFigures(region)
      assert.deepEqual(
        nonZero(figures.total),
        await expectedFigures({ region }),
        `totals of ${region}`
      )
      assert.isNotNull(figures.refreshedAt)
    }
    /* Above a county, the children and the region's own institutions add up to the region. */
    for (const region of ['000000', '220000', '220100']) {
      const figures = await regionFigures(region)
      const summed: Record<string, number> = {}
      for (const child of figures.children)
        for (const [metric, value] of Object.entries(child.metrics))
          summed[metric] = (summed[metric] ?? 0) + value
      assert.deepEqual(nonZero(summed), nonZero(figures.total), `children of ${region}`)
    }
    const province = await regionFigures('220000')
    assert.includeMembers(
      province.children.map((c) => c.regionCode),
      ['220100', '220200']
    )
    assert.equal(
      province.children.find((c) => c.kind === 'direct')?.metrics['institutions'],
      1,
      'the online institution is held at the province itself'
    )

    for (const institution of institutions) {
      const page = await institutionFigures(institution.region, 1, 50)
      const row = page.rows.find((r) => r.institutionId === institution.id)
      assert.exists(row, `institution ${institution.id} is listed in ${institution.region}`)
      assert.deepEqual(
        nonZero(row!.metrics),
        await expectedFigures({ institutionId: institution.id }),
        `institution ${institution.id}`
      )
    }
    /* The complaint about an unlicensed provider is kept, under no institution, in its county. */
    const county = await institutionFigures('220104', 1, 50)
    assert.equal(
      county.rows.find((r) => r.institutionId === 0)?.metrics['complaints.type.unlicensed'],
      1
    )
    const national = await institutionFigures('000000', 1, 50)
    assert.equal(national.total, institutions.length + 1)
  })

  test('an incremental refresh moves only the figures of the changed county and the regions above it', async ({
    assert,
  }) => {
    const { institutions } = await mixedWorld()
    await refreshRollups()
    const before = await rollupRows()
    const nanguan = institutions.find((i) => i.region === '220102')!
    await insertComplaint({
      region: '220102',
      institutionId: nanguan.id,
      type: 'safety',
      status: 'submitted',
      overdue: true,
    })
    await refreshRollups(['220102'])
    const after = await rollupRows()

    const affected = new Set(['220102', '220100', '220000', '000000'])
    const changed: string[] = []
    for (const [key, now] of after) {
      const [, region, , metric] = key.split('|')
      const was = before.get(key)
      if (!affected.has(region!)) {
        assert.deepEqual(now, was, `${key} was not touched`)
      } else if (!was || was.value !== now.value) {
        changed.push(`${region}|${metric}`)
      }
    }
    for (const key of before.keys()) assert.isTrue(after.has(key), `${key} is still there`)
    /* Exactly the new complaint's figures moved, at the institution and every level above. */
    assert.sameMembers(
      [...new Set(changed)],
      [
        ...['220102', '220100', '220000', '000000'].flatMap((r) =>
          ['complaints', 'complaints.open', 'complaints.overdue', 'complaints.type.safety'].map(
            (m) => `${r}|${m}`
          )
        ),
      ]
    )
    for (const region of ['000000', '220000', '220100', '220102', '220104']) {
      assert.deepEqual(
        nonZero((await regionFigures(region)).total),
        await expectedFigures({ region }),
        `totals of ${region} after the change`
      )
    }
  })

  test('the refresh job picks up regions marked dirty and clears the marks', async ({ assert }) => {
    const { institutions } = await mixedWorld()
    await refreshRollups()
    const hebei = institutions.find((i) => i.region === '130102')!
    await insertComplaint({
      region: '130102',
      institutionId: hebei.id,
      type: 'refund',
      status: 'closed',
      timely: true,
      rating: 5,
    })
    await markDirty('130102')
    await RefreshRollupsJob.dispatch({})
    assert.lengthOf(await db.from('stat_dirty_regions'), 0)
    for (const region of ['000000', '130000', '130102']) {
      assert.deepEqual(
        nonZero((await regionFigures(region)).total),
        await expectedFigures({ region }),
        `totals of ${region}`
      )
    }
    /* A nightly full rebuild gives the same figures. */
    await RefreshRollupsJob.dispatch({ all: true })
    assert.deepEqual(
      nonZero((await regionFigures('000000')).total),
      await expectedFigures({ region: '000000' })
    )
  })

  test('paying an order marks its county dirty through the funds event', async ({ assert }) => {
    await mixedWorld()
    const marked = await db.from('stat_dirty_regions').select('region_code')
    assert.includeMembers(
      marked.map((r) => r.region_code),
      ['220104', '220102', '220000', '130102']
    )
  })
})
