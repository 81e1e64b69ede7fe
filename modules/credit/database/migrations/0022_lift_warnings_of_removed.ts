import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| A removed institution is evaluated no more, so its open warnings were
| never lifted: they stayed on the board (and its rollup) and kept their
| sales freezes. They are now lifted as "removed" (the removal itself is
| the registry's public notice).
*/
export default class extends BaseSchema {
  override async up() {
    this.schema.raw(`ALTER TABLE risk_warnings DROP CONSTRAINT risk_warnings_lift_reason_check`)
    this.schema.raw(
      `ALTER TABLE risk_warnings ADD CONSTRAINT risk_warnings_lift_reason_check
         CHECK (lift_reason IN ('recovered', 'bureau', 'switched_off', 'removed'))`
    )
    this.schema.raw(
      `ALTER TABLE risk_warning_changes DROP CONSTRAINT risk_warning_changes_cause_check`
    )
    this.schema.raw(
      `ALTER TABLE risk_warning_changes ADD CONSTRAINT risk_warning_changes_cause_check
         CHECK (cause IN ('evaluation', 'recovered', 'bureau', 'switched_off', 'removed'))`
    )
  }

  override async down() {
    this.schema.raw(`ALTER TABLE risk_warnings DROP CONSTRAINT risk_warnings_lift_reason_check`)
    this.schema.raw(
      `ALTER TABLE risk_warnings ADD CONSTRAINT risk_warnings_lift_reason_check
         CHECK (lift_reason IN ('recovered', 'bureau', 'switched_off'))`
    )
    this.schema.raw(
      `ALTER TABLE risk_warning_changes DROP CONSTRAINT risk_warning_changes_cause_check`
    )
    this.schema.raw(
      `ALTER TABLE risk_warning_changes ADD CONSTRAINT risk_warning_changes_cause_check
         CHECK (cause IN ('evaluation', 'recovered', 'bureau', 'switched_off'))`
    )
  }
}
