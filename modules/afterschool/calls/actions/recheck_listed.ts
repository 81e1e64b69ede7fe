/*
| The live list (issue 17): an institution on a published list that stops
| meeting a criterion (grey or black list, a lapsed licence, a credit
| grade below the floor, banned or unadmitted staff, a red fund anomaly)
| drops out at once — on the event that moved the fact, and nightly for
| facts no event announces (a licence running out). The bureau, the
| institution and the call's schools are told, in the drop's transaction;
| the entry stays, marked, with the checks that failed.
*/
import db from '@adonisjs/lucid/services/db'
import { todayIso } from '#kernel/shared/dates'
import { accountsActingForMany, bureauAccountsFor } from '#modules/identity'
import { type TextToQueue, queueTexts } from '#modules/messages'
import AfterschoolApplication from '../models/afterschool_application.js'
import AfterschoolCall from '../models/afterschool_call.js'
import { judge } from './compare_applications.js'

export interface RecheckRun {
  checked: number
  dropped: number
}

/* A thousand entries a transaction: the nightly run never locks every list of the country at once. */
const BATCH = 1000

/** The school year running on a Beijing date (it starts on 1 September), by its first calendar year. */
export function schoolYearOn(today: string): number {
  const [year, month] = today.split('-').map(Number) as [number, number]
  return month >= 9 ? year : year - 1
}

export async function recheckListed(institutionIds?: number[]): Promise<RecheckRun> {
  const run: RecheckRun = { checked: 0, dropped: 0 }
  if (institutionIds && !institutionIds.length) return run
  /* Lists of past school years are history: their schools are not asked to choose again. */
  const current = schoolYearOn(todayIso())
  for (let afterId = 0; ;) {
    const query = AfterschoolApplication.query()
      .whereNotNull('rank')
      .whereNull('droppedAt')
      .whereIn(
        'callId',
        db.from('afterschool_calls').where('school_year', '>=', current).select('id')
      )
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(BATCH)
      .select('id')
    if (institutionIds) query.whereIn('institutionId', institutionIds)
    const ids = (await query).map((a) => a.id)
    if (!ids.length) return run
    afterId = ids.at(-1)!
    const batch = await recheckBatch(ids)
    run.checked += batch.checked
    run.dropped += batch.dropped
  }
}

async function recheckBatch(ids: number[]): Promise<RecheckRun> {
  return db.transaction(async (trx) => {
    /* Still listed under the lock: an entry dropped by a concurrent run is not dropped twice. */
    const listed = await AfterschoolApplication.query({ client: trx })
      .whereIn('id', ids)
      .whereNotNull('rank')
      .whereNull('droppedAt')
      .forUpdate()
    const failing = (await judge(listed)).filter((r) => !r.eligible)
    if (!failing.length) return { checked: listed.length, dropped: 0 }
    await trx.rawQuery(
      `UPDATE afterschool_applications a SET dropped_at = now(), drop_checks = d.checks::jsonb, updated_at = now()
         FROM unnest(?::bigint[], ?::text[]) AS d(id, checks) WHERE a.id = d.id`,
      [
        failing.map((f) => f.applicationId),
        failing.map((f) => JSON.stringify(f.checks.filter((c) => !c.pass))),
      ] as any[]
    )
    const dropped = listed.filter((a) => failing.some((f) => f.applicationId === a.id))
    const calls = new Map(
      (
        await AfterschoolCall.query({ client: trx }).whereIn(
          'id',
          dropped.map((a) => a.callId)
        )
      ).map((c) => [c.id, c])
    )
    /* One after the other: two queries at once on one transaction's connection are not allowed. */
    const institutions = await accountsActingForMany(
      'institution',
      dropped.map((a) => a.institutionId),
      trx
    )
    const schools = await accountsActingForMany(
      'school',
      [...calls.values()].flatMap((c) => c.schoolIds),
      trx
    )
    /* One lookup per bureau, however many of its entries dropped. */
    const bureaus = new Map<string, number[]>()
    for (const call of calls.values())
      if (!bureaus.has(call.regionCode))
        bureaus.set(call.regionCode, await bureauAccountsFor(call.regionCode, { client: trx }))
    const messages: TextToQueue[] = []
    for (const a of dropped) {
      const call = calls.get(a.callId)!
      const key = `afterschool_dropped:${a.id}`
      const say = (userId: number, what: string, link: string) =>
        messages.push({
          kind: 'reminder',
          to: { userId },
          params: { from: '校外培训监管平台', what },
          key,
          link,
        })
      for (const userId of institutions.get(a.institutionId) ?? [])
        say(
          userId,
          `已不再符合“${call.title}”课后服务名单条件，已移出名单。`,
          `/institution/afterschool/calls/${call.id}`
        )
      for (const userId of bureaus.get(call.regionCode) ?? [])
        say(
          userId,
          `“${call.title}”名单中有机构不再符合条件，已移出。`,
          `/manage/afterschool/calls/${call.id}`
        )
      for (const userId of call.schoolIds.flatMap((id) => schools.get(id) ?? []))
        say(
          userId,
          `“${call.title}”名单中有机构已移出，请重新选择服务机构。`,
          `/school/afterschool`
        )
    }
    await queueTexts(messages, trx)
    return { checked: listed.length, dropped: dropped.length }
  })
}
