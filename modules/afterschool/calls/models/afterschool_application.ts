import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { CheckResult } from '../../eligibility/checks.js'
import type { RankFactors } from '../../eligibility/ranking.js'

export interface Offer {
  name: string
  /** sports, arts, science_tech or other (the licence's categories). */
  category: string
  grades: string[]
  pricePerClassFen: number
  classSize: number
  teacherIds: number[]
}

export default class AfterschoolApplication extends BaseModel {
  static override table = 'afterschool_applications'

  @column({ isPrimary: true }) declare id: number
  @column() declare callId: number
  @column() declare institutionId: number
  @column() declare submittedBy: number
  @column({ prepare: (v) => JSON.stringify(v) }) declare offers: Offer[]
  @column() declare eligible: boolean | null
  @column({ prepare: (v) => (v === null ? null : JSON.stringify(v)) }) declare checks:
    CheckResult[] | null
  @column.dateTime() declare comparedAt: DateTime | null
  @column() declare decision: 'included' | 'excluded' | null
  @column() declare decisionReason: string | null
  @column() declare decidedBy: number | null
  @column.dateTime() declare decidedAt: DateTime | null
  @column() declare rank: number | null
  @column({ prepare: (v) => (v === null ? null : JSON.stringify(v)) })
  declare rankFactors: RankFactors | null
  @column.dateTime() declare droppedAt: DateTime | null
  @column({ prepare: (v) => (v === null ? null : JSON.stringify(v)) }) declare dropChecks:
    CheckResult[] | null
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
  @column.dateTime({ autoCreate: true, autoUpdate: true }) declare updatedAt: DateTime

  /** On the published list now: eligible, not excluded by the bureau, not dropped since. */
  get listed() {
    return this.rank !== null && this.droppedAt === null
  }
}
