import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { CourseKind, CourseStatus, Grade } from '../course/vocabulary.js'
import type { WeeklySlot } from '../course/schedule.js'

export default class Course extends BaseModel {
  static override table = 'courses'

  @column({ isPrimary: true }) declare id: number
  @column() declare institutionId: number
  @column() declare name: string
  @column() declare kind: CourseKind
  @column() declare subject: string | null
  @column() declare category: string | null
  @column() declare grades: Grade[]
  @column() declare stages: string[]
  @column() declare delivery: 'offline' | 'online'
  @column() declare live: boolean
  @column() declare venue: string | null
  @column({ consume: (v: (string | number)[]) => (v ?? []).map(Number) })
  declare teacherIds: number[]
  @column() declare teachingMode: 'one_to_one' | 'small_class' | 'large_class'
  @column() declare capacity: number
  @column() declare minClassSize: number
  @column() declare namedTeacher: boolean
  @column.date() declare startDate: DateTime
  @column.date() declare endDate: DateTime
  @column({ prepare: (v) => JSON.stringify(v ?? []) }) declare slots: WeeklySlot[]
  @column() declare minutesPerClass: number
  @column() declare classCount: number
  @column() declare pricePerClassFen: number
  @column() declare classesPerCharge: number
  @column() declare homework: boolean
  @column() declare payAfterClass: boolean
  @column() declare refundWithinDays: number
  @column() declare disputeResolution: 'court' | 'arbitration'
  @column() declare arbitrationBody: string | null
  @column() declare description: string
  @column() declare status: CourseStatus
  @column() declare version: number
  @column() declare decisionReason: string | null
  @column.dateTime() declare submittedAt: DateTime | null
  @column.dateTime() declare listedAt: DateTime | null
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
  @column.dateTime({ autoCreate: true, autoUpdate: true }) declare updatedAt: DateTime

  get totalFen(): number {
    return this.pricePerClassFen * this.classCount
  }

  /** Classes one charge covers: all of them when the course is paid at once. */
  get classesCharged(): number {
    return Math.min(this.classesPerCharge, this.classCount)
  }

  get perChargeFen(): number {
    return this.pricePerClassFen * this.classesCharged
  }

  get paidAtOnce(): boolean {
    return this.classesPerCharge >= this.classCount
  }
}
