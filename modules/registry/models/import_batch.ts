import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export interface RowError {
  row: number
  field: string
  message: string
}

export default class ImportBatch extends BaseModel {
  static override table = 'import_batches'

  @column({ isPrimary: true }) declare id: number
  @column() declare kind: 'institutions' | 'prohibited_persons'
  @column() declare uploadedById: number
  @column() declare regionCode: string
  @column() declare fileName: string
  @column({ columnName: 'file_sha256' }) declare fileSha256: string
  @column() declare storageKey: string
  @column() declare status: 'validating' | 'invalid' | 'ready' | 'importing' | 'done' | 'failed'
  @column() declare totalRows: number
  @column() declare processedRows: number
  @column() declare createdCount: number
  @column() declare updatedCount: number
  @column() declare skippedCount: number
  @column({ prepare: (v) => JSON.stringify(v ?? []) }) declare rowErrors: RowError[]
  @column() declare failure: string | null
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
  @column.dateTime({ autoCreate: true, autoUpdate: true }) declare updatedAt: DateTime
}
