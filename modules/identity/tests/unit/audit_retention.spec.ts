import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { truncateAll } from '#tests/helpers/database'
import { PruneAuditLog } from '../../actions/prune_audit_log.js'
import PruneAuditLogJob from '../../jobs/prune_audit_log_job.js'
import { recordAudit } from '../../services/audit_log.js'
import { auditRetentionDays } from '../../extension_points.js'
import { toRegionCode } from '#kernel/shared/region_code'
import { countyWithoutPlugin } from '#tests/helpers/province_without_plugin'

/* A county of a province no installed plugin governs, so it keeps the national 180 days. */
const elsewhere = countyWithoutPlugin()
const elsewhereProvince = `${elsewhere.slice(0, 2)}0000`

test.group('Audit log retention (extension point, Jilin plugin)', (group) => {
  group.each.setup(() => truncateAll())
  group.each.teardown(() => truncateAll())

  test('the retention period comes from the region: Jilin 366 days, elsewhere 180', async ({
    assert,
  }) => {
    assert.equal(await auditRetentionDays.resolve(toRegionCode('220104'), {}), 366)
    assert.equal(await auditRetentionDays.resolve(toRegionCode(elsewhere), {}), 180)
  })

  test('audit events cannot be edited or deleted outside the retention job', async ({ assert }) => {
    await recordAudit({ action: 'test.guarded', regionCode: '130102' })
    await assert.rejects(() => db.rawQuery(`UPDATE audit_events SET action = 'x'`), /append-only/)
    await assert.rejects(() => db.rawQuery(`DELETE FROM audit_events`), /only by the retention job/)
  })

  test('pruning keeps each event for its province period', async ({ assert }) => {
    const now = DateTime.now()
    const insert = async (region: string | null, daysAgo: number) => {
      await db.transaction(async (trx) => {
        await trx.table('audit_events').insert({
          occurred_at: now.minus({ days: daysAgo }).toSQL(),
          action: `test.${region ?? 'none'}.${daysAgo}`,
          province_code: region ? `${region.slice(0, 2)}0000` : null,
          region_code: region,
        })
      })
    }
    await insert('220104', 200)
    await insert('220104', 400)
    await insert(elsewhere, 200)
    await insert(elsewhere, 100)
    await insert(null, 200)
    await insert(null, 10)

    const result = await new PruneAuditLog().handle(now)
    const left = (await db.from('audit_events').select('action').orderBy('action')).map(
      (r) => r.action
    )
    assert.deepEqual(left, [`test.${elsewhere}.100`, 'test.220104.200', 'test.none.10'].sort())
    assert.equal(result.deleted, 3)
    assert.equal(result.retention['220000'], 366)
    assert.equal(result.retention[elsewhereProvince], 180)
  })

  test('the daily job prunes the same way (jobs run inline with QUEUE_DRIVER=sync)', async ({
    assert,
  }) => {
    await db.table('audit_events').insert([
      {
        occurred_at: DateTime.now().minus({ days: 181 }).toSQL(),
        action: 'test.old',
        province_code: elsewhereProvince,
        region_code: elsewhere,
      },
      {
        occurred_at: DateTime.now().minus({ days: 179 }).toSQL(),
        action: 'test.recent',
        province_code: elsewhereProvince,
        region_code: elsewhere,
      },
    ])
    await PruneAuditLogJob.dispatch({})
    assert.deepEqual(
      (await db.from('audit_events').select('action')).map((r) => r.action),
      ['test.recent']
    )
  })
})
