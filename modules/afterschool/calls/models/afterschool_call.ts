import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type CallStatus = 'open' | 'published'

export default class AfterschoolCall extends BaseModel {
  static override table = 'afterschool_calls'

  @column({ isPrimary: true }) declare id: number
  @column() declare title: string
  @column() declare schoolYear: number
  @column() declare regionCode: string
  @column() declare provinceCode: string
  @column() declare cityCode: string | null
  @column() declare countyCode: string | null
  @column() declare categories: string[]
  @column({ consume: (v: (string | number)[]) => (v ?? []).map(Number) })
  declare schoolIds: number[]
  @column() declare maxPricePerClassFen: number
  @column.date() declare opensOn: DateTime
  @column.date() declare closesOn: DateTime
  @column() declare status: CallStatus
  @column.dateTime() declare publishedAt: DateTime | null
  @column() declare publishedBy: number | null
  @column() declare createdBy: number
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
  @column.dateTime({ autoCreate: true, autoUpdate: true }) declare updatedAt: DateTime

  /** Applications are taken from its opening day to its closing day inclusive (Beijing dates). */
  acceptsOn(today: string) {
    return (
      this.status === 'open' &&
      this.opensOn.toISODate()! <= today &&
      today <= this.closesOn.toISODate()!
    )
  }
}
