import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Statistics read models. Dashboards never scan the source tables: they
| read `stat_rollups`, which jobs keep up to date.
|
| Level 4 rows hold one institution's counters (institution_id 0 collects
| complaints and reviews not tied to a filed institution) and name their
| own region as parent; a region row (level 0 country, 1 province, 2 city,
| 3 county) is the sum of every row whose parent it is. A national page
| therefore reads about 31 province rows per metric.
|
| `stat_dirty_regions` is the cheap "something changed here" mark that
| events and actions leave for the refresh job; `stat_refreshes` records
| each run (and lets the job find what changed since the last one).
| `report_exports` tracks Excel exports too large to build in a request.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.createTable('stat_rollups', (table) => {
      table.bigIncrements('id')
      table.smallint('level').notNullable().checkIn(['0', '1', '2', '3', '4'])
      table.specificType('region_code', 'char(6)').notNullable()
      table.bigint('institution_id').notNullable().defaultTo(0)
      table.specificType('parent_code', 'char(6)').nullable()
      table.string('metric', 48).notNullable()
      table.bigint('value').notNullable()
      table.timestamp('refreshed_at', { useTz: true }).notNullable()
      table.unique(['level', 'region_code', 'institution_id', 'metric'])
      /* Children of a region (drill-down tables, and summing a region from its children). */
      table.index(['parent_code', 'level'])
      /* One institution's own figures (institution terminal). */
      table.index(['institution_id'])
    })

    this.schema.createTable('stat_dirty_regions', (table) => {
      table.specificType('region_code', 'char(6)').primary()
      table.timestamp('marked_at', { useTz: true }).notNullable()
    })

    this.schema.createTable('stat_refreshes', (table) => {
      table.bigIncrements('id')
      table.string('kind', 12).notNullable().checkIn(['full', 'incremental'])
      table.integer('regions').notNullable()
      table.integer('rows').notNullable()
      table.timestamp('started_at', { useTz: true }).notNullable()
      table.timestamp('finished_at', { useTz: true }).notNullable()
      table.index(['finished_at'])
    })

    this.schema.createTable('report_exports', (table) => {
      table.bigIncrements('id')
      table.bigint('owner_user_id').notNullable()
      table.specificType('region_code', 'char(6)').notNullable()
      table.string('table_key', 24).notNullable()
      table.string('status', 12).notNullable().checkIn(['queued', 'running', 'done', 'failed'])
      table.integer('progress').notNullable().defaultTo(0)
      table.integer('total').notNullable().defaultTo(0)
      table.string('file_name', 255).nullable()
      table.string('storage_key', 255).nullable()
      table.string('failure', 500).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.timestamp('finished_at', { useTz: true }).nullable()
      table.index(['owner_user_id', 'id'])
    })
  }

  override async down() {
    this.schema.dropTable('report_exports')
    this.schema.dropTable('stat_refreshes')
    this.schema.dropTable('stat_dirty_regions')
    this.schema.dropTable('stat_rollups')
  }
}
