import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { lineageOf } from '#modules/identity'
import PublicNotice from '../models/public_notice.js'

export type NoticeKind = 'removal' | 'restoration' | 'name_change' | 'blacklist' | 'risk' | 'other'

export interface NoticeInput {
  kind: NoticeKind
  institutionId: number | null
  regionCode: string
  title: string
  body: string
  publishedByUnit: string | null
}

/** Public notices on the website (removals, name changes, black-list entries; risk notices later). */
export async function publishNotice(input: NoticeInput, trx?: TransactionClientContract) {
  const lineage = lineageOf(input.regionCode)
  return PublicNotice.create(
    {
      kind: input.kind,
      institutionId: input.institutionId,
      provinceCode: lineage.provinceCode,
      cityCode: lineage.cityCode,
      countyCode: lineage.countyCode,
      title: input.title,
      body: input.body,
      publishedByUnit: input.publishedByUnit,
      publishedAt: DateTime.now(),
    },
    { client: trx }
  )
}
