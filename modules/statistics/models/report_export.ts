import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type ReportExportStatus = 'queued' | 'running' | 'done' | 'failed'

/** An Excel export built in the background; only its owner may follow or download it. */
export default class ReportExport extends BaseModel {
  static override table = 'report_exports'

  @column({ isPrimary: true }) declare id: number
  @column() declare ownerUserId: number
  @column() declare regionCode: string
  @column() declare tableKey: string
  @column() declare status: ReportExportStatus
  @column() declare progress: number
  @column() declare total: number
  @column() declare fileName: string | null
  @column() declare storageKey: string | null
  @column() declare failure: string | null
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
  @column.dateTime({ autoCreate: true, autoUpdate: true }) declare updatedAt: DateTime
  @column.dateTime() declare finishedAt: DateTime | null

  get percent(): number {
    if (this.status === 'done') return 100
    return this.total > 0 ? Math.min(100, Math.floor((100 * this.progress) / this.total)) : 0
  }
}
