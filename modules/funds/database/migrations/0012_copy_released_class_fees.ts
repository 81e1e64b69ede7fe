import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Every class released before 0011 was released whole, by the prepaid
| release or by its pay-later payment (both set released_at): its
| released_fen is its fee. Tested in tests/functional/partial_release_migration.spec.ts.
*/
export const COPY_RELEASED_CLASS_FEES = `UPDATE consumptions SET released_fen = fee_fen WHERE released_at IS NOT NULL AND released_fen <> fee_fen`

export default class extends BaseSchema {
  override async up() {
    this.schema.raw(COPY_RELEASED_CLASS_FEES)
  }

  override async down() {
    /* 0011's down drops the column; nothing to undo here. */
  }
}
