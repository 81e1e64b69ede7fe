import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** A bank branch bureaus have registered as a fund supervisor (Art. 9). */
export default class SupervisingBank extends BaseModel {
  static override table = 'supervising_banks'

  @column({ isPrimary: true }) declare id: number
  @column() declare name: string
  @column() declare regionCode: string
  @column() declare registeredById: number | null
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
}
