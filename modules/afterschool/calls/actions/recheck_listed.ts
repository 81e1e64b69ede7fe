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
import { accountsActingForMany, bureauAccountsFor } from '#modules/identity'
import { type TextToQueue, queueTexts } from '#modules/messages'
import AfterschoolApplication from '../models/afterschool_application.js'
import AfterschoolCall from '../models/afterschool_call.js'
import { judge } from './compare_applications.js'

export interface RecheckRun {
  checked: number
  dropped: number
}

export async function recheckListed(institutionIds?: number[]): Promise<RecheckRun> {
  if (institutionIds && !institutionIds.length) return { checked: 0, dropped: 0 }
  return db.transaction(async (trx) => {
    const query = AfterschoolApplication.query({ client: trx })
      .whereNotNull('rank')
      .whereNull('droppedAt')
      .forUpdate()
    if (institutionIds) query.whereIn('institutionId', institutionIds)
    const listed = await query
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
    const [institutions, schools] = await Promise.all([
      accountsActingForMany(
        'institution',
        dropped.map((a) => a.institutionId),
        trx
      ),
      accountsActingForMany(
        'school',
        [...calls.values()].flatMap((c) => c.schoolIds),
        trx
      ),
    ])
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
