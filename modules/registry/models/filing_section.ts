import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { Section } from '../filing/fields.js'

export default class FilingSection extends BaseModel {
  static override table = 'filing_sections'

  @column({ isPrimary: true }) declare id: number
  @column() declare institutionId: number
  @column() declare section: Section
  @column({ prepare: (v) => JSON.stringify(v ?? {}) }) declare data: Record<string, any>
  @column({ prepare: (v) => JSON.stringify(v ?? {}) }) declare sealed: Record<
    string,
    { cipher: string; index: string }
  >
  @column() declare complete: boolean
  @column() declare skipped: boolean
  @column.dateTime({ autoCreate: true, autoUpdate: true }) declare updatedAt: DateTime
}
