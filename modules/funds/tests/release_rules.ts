/*
| Local release rules from DOMAIN-RULES.md written as a provincial plugin
| would write them, with only the SDK, for the unit and functional tests:
|   Wuhu (Anhui, 3402)     an order's fees 15 working days after its last
|                          class; a dispute pauses the release;
|   Zigong (Sichuan, 5103) a fifth of the paid fees stays as a minimum
|                          balance until no class of the order is left;
|   a retained share       a fifth of each class's fee stays until 15
|                          working days after the order's last class.
| Cities a rule is not for get next(), in the end the national default.
*/
import { type Rule, addWorkingDays } from '#plugin_sdk'

export const wuhuSchedule: Rule<'funds.release.schedule'> = async (input, ctx) => {
  if (!ctx.region.startsWith('3402')) return ctx.next()
  const last = input.order.lastClassDate
  const due = last !== null && input.today > addWorkingDays(last, 15)
  return due && input.order.classesDisputed === 0 ? ctx.next() : []
}

export const zigongSchedule: Rule<'funds.release.schedule'> = async (input, ctx) => {
  if (!ctx.region.startsWith('5103')) return ctx.next()
  if (input.order.classesLeft === 0) return ctx.next()
  let room = input.order.heldFen - Math.ceil((input.order.paidFen * 2_000) / 10_000)
  const parts = []
  for (const c of input.confirmed) {
    const fen = Math.min(room, c.feeFen - c.releasedFen)
    if (fen < 1) break
    parts.push({ classId: c.id, fen })
    room -= fen
  }
  return parts
}

/** The fen of a class's fee a fifth-retaining rule keeps back (rounded up, so odd fees keep the larger share). */
export const retainedFifth = (feeFen: number) => Math.ceil((feeFen * 2_000) / 10_000)

export const retainAFifth: Rule<'funds.release.schedule'> = async (input, ctx) => {
  const last = input.order.lastClassDate
  if (last !== null && input.today > addWorkingDays(last, 15)) return ctx.next()
  return input.confirmed
    .map((c) => ({ classId: c.id, fen: c.feeFen - retainedFifth(c.feeFen) - c.releasedFen }))
    .filter((part) => part.fen > 0)
}
