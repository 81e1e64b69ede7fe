import { BaseSchema } from '@adonisjs/lucid/schema'
import { regionTree } from '../../services/region_tree.js'

/* Data migration: fills `regions` from the pinned division list (idempotent upsert). */
export default class extends BaseSchema {
  override async up() {
    this.defer(async (db) => {
      const rows = regionTree.all().map((r) => ({
        code: r.code,
        name: r.name,
        level: r.level,
        parent_code: r.parentCode,
        province_code: r.provinceCode,
        city_code: r.cityCode,
      }))
      rows.sort((a, b) => a.level - b.level)
      for (let i = 0; i < rows.length; i += 500) {
        await db
          .knexQuery()
          .table('regions')
          .insert(rows.slice(i, i + 500))
          .onConflict('code')
          .merge()
      }
    })
  }

  override async down() {
    this.defer(async (db) => {
      await db.from('regions').delete()
    })
  }
}
