import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Each provincial plugin's switch and settings in each province it
| governs, as that province's admin saved them at /manage/plugins (every
| save is audited). No row: the plugin is on, with its declared defaults.
| `version` is raised by every save, so a form opened before someone
| else's save is refused rather than silently undoing it.
*/
export default class extends BaseSchema {
  protected tableName = 'plugin_settings'

  override async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.string('plugin_id', 64).notNullable()
      table.string('province_code', 6).notNullable()
      table.boolean('enabled').notNullable().defaultTo(true)
      table.jsonb('values').notNullable().defaultTo('{}')
      table.integer('version').notNullable().defaultTo(1)
      table.bigint('updated_by_id')
      table
        .timestamp('updated_at', { useTz: true })
        .notNullable()
        .defaultTo(this.raw('clock_timestamp()'))
      table.primary(['plugin_id', 'province_code'])
    })
    this.schema.raw(
      `ALTER TABLE plugin_settings ADD CONSTRAINT plugin_settings_province CHECK (province_code ~ '^[0-9]{2}0000$')`
    )
  }

  override async down() {
    this.schema.dropTable(this.tableName)
  }
}
