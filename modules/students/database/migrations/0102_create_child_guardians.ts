import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Who may see and use a child's profile: at most two guardians. The first
| is the parent who added the child (position 1); the second joined with
| an invitation (position 2). The database refuses a third: position is 1
| or 2 and unique per child.
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.createTable('child_guardians', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('child_id')
        .notNullable()
        .references('id')
        .inTable('children')
        .onDelete('CASCADE')
      table.bigInteger('user_id').notNullable()
      table.smallint('position').notNullable()
      table.enum('relation', ['father', 'mother', 'grandparent', 'other']).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.unique(['child_id', 'user_id'])
      table.unique(['child_id', 'position'])
      table.index(['user_id'])
    })
    this.schema.raw(`ALTER TABLE child_guardians ADD CONSTRAINT child_guardians_two
      CHECK (position IN (1, 2))`)
  }

  override async down() {
    this.schema.dropTable('child_guardians')
  }
}
