import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type Relation = 'father' | 'mother' | 'grandparent' | 'other'
export const RELATIONS: readonly Relation[] = ['father', 'mother', 'grandparent', 'other']

export default class ChildGuardian extends BaseModel {
  static override table = 'child_guardians'

  @column({ isPrimary: true }) declare id: number
  @column() declare childId: number
  @column() declare userId: number
  /** 1: who added the child; 2: who joined with an invitation. */
  @column() declare position: 1 | 2
  @column() declare relation: Relation
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
}
