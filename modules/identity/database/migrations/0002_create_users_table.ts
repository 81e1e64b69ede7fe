import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'users'

  override async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table
        .string('role', 32)
        .notNullable()
        .checkIn([
          'parent',
          'institution_owner',
          'institution_staff',
          'admin',
          'bank_operator',
          'school_operator',
        ])
      table
        .string('admin_level', 16)
        .nullable()
        .checkIn(['ministry', 'province', 'city', 'county', 'subunit'])
      table.specificType('region_code', 'char(6)').nullable().references('code').inTable('regions')
      /* Lineage of region_code, so "my region and below" is one indexed equality. */
      table.specificType('province_code', 'char(6)').nullable()
      table.specificType('city_code', 'char(6)').nullable()
      table.specificType('county_code', 'char(6)').nullable()
      table.string('unit_name', 128).nullable()
      table.string('org_type', 16).nullable().checkIn(['institution', 'bank', 'school'])
      table.bigint('org_id').nullable()
      table.string('username', 64).nullable().unique()
      /* Phone numbers: AES-GCM ciphertext, a keyed blind index for look-up, and a masked copy for lists. */
      table.text('phone_cipher').nullable()
      table.string('phone_index', 64).nullable().unique()
      table.string('phone_masked', 16).nullable()
      table.string('display_name', 64).notNullable()
      table.string('password').nullable()
      table
        .string('status', 16)
        .notNullable()
        .defaultTo('pending')
        .checkIn(['pending', 'active', 'disabled'])
      table.string('disabled_reason', 255).nullable()
      table.bigint('created_by_id').nullable().references('id').inTable('users')
      table.timestamp('password_set_at', { useTz: true }).nullable()
      table.timestamp('last_login_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()

      table.index(['role', 'province_code'])
      table.index(['role', 'city_code'])
      table.index(['role', 'county_code'])
      table.index(['org_type', 'org_id'])
    })
    this.schema.raw(`
      ALTER TABLE users
        ADD CONSTRAINT users_admin_has_region CHECK (
          (role = 'admin') = (admin_level IS NOT NULL) AND (role <> 'admin' OR region_code IS NOT NULL)
        ),
        ADD CONSTRAINT users_can_sign_in CHECK (username IS NOT NULL OR phone_index IS NOT NULL)
    `)
  }

  override async down() {
    this.schema.dropTable(this.tableName)
  }
}
