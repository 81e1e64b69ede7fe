import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { TemplateBody } from '../contracts/template.js'

export default class ContractTemplate extends BaseModel {
  static override table = 'contract_templates'

  @column({ isPrimary: true }) declare id: number
  @column() declare code: string
  @column() declare version: number
  @column() declare title: string
  @column({ prepare: (v) => JSON.stringify(v) }) declare body: TemplateBody
  @column({ columnName: 'body_sha256' }) declare bodySha256: string
  @column() declare changeNote: string | null
  @column.dateTime() declare publishedAt: DateTime
}
