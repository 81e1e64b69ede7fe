import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { Stage } from '#kernel/shared/school_grades'

export default class School extends BaseModel {
  static override table = 'schools'

  @column({ isPrimary: true }) declare id: number
  @column() declare name: string
  /** 学校标识码: 10 digits, unique nationally. */
  @column() declare code: string
  @column() declare regionCode: string
  @column() declare provinceCode: string
  @column() declare cityCode: string | null
  @column() declare countyCode: string | null
  @column() declare stages: Stage[]
  @column() declare address: string | null
  @column.dateTime() declare closedAt: DateTime | null
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
  @column.dateTime({ autoCreate: true, autoUpdate: true }) declare updatedAt: DateTime
}
