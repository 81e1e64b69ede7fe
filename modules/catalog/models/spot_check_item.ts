import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type Verdict = 'pass' | 'fail'

export default class SpotCheckItem extends BaseModel {
  static override table = 'spot_check_items'

  @column({ isPrimary: true }) declare id: number
  @column() declare spotCheckId: number
  @column() declare materialId: number
  @column() declare institutionId: number
  @column() declare ideology: Verdict | null
  @column() declare science: Verdict | null
  @column() declare ageFit: Verdict | null
  @column() declare notes: string | null
  @column() declare result: 'pending' | 'passed' | 'failed'
  @column() declare reviewedById: number | null
  @column.dateTime() declare reviewedAt: DateTime | null
  @column() declare findingId: number | null
  @column() declare inspectionId: number | null
}
