import db from '@adonisjs/lucid/services/db'
import { type CurrentUser, applyRegionScope } from '#modules/identity'
import { ordersOfParent, type OrderFacts } from '#modules/funds'
import Review from '../models/review.js'
import { pageOf } from './cases.js'

export interface Rating {
  average: number | null
  count: number
}

/** An institution's average rating over its visible reviews. */
export async function institutionRating(institutionId: number): Promise<Rating> {
  const row = await db
    .from('reviews')
    .where('institution_id', institutionId)
    .whereNull('hidden_at')
    .select(db.raw('avg(rating)::float as average'), db.raw('count(*)::int as count'))
    .first()
  return { average: row?.count ? Math.round(row.average * 10) / 10 : null, count: row?.count ?? 0 }
}

export function visibleReviews(institutionId: number, page: unknown) {
  return Review.query()
    .where('institutionId', institutionId)
    .whereNull('hiddenAt')
    .orderBy('id', 'desc')
    .paginate(pageOf(page), 20)
}

export function institutionReviews(institutionId: number, page: unknown) {
  return Review.query()
    .where('institutionId', institutionId)
    .orderBy('id', 'desc')
    .paginate(pageOf(page), 20)
}

export function regionReviews(user: CurrentUser, hidden: boolean, page: unknown) {
  const query = applyRegionScope(Review.query(), user.regionCode).orderBy('id', 'desc')
  if (hidden) query.whereNotNull('hiddenAt')
  else query.whereNull('hiddenAt')
  return query.paginate(pageOf(page), 20)
}

/** A parent's orders with a consumed class, each with its review if written. */
export async function reviewableOrders(
  parentId: number
): Promise<{ order: OrderFacts; review: Review | null }[]> {
  const orders = (await ordersOfParent(parentId, 100)).filter((o) => o.classesConsumed > 0)
  const reviews = orders.length
    ? await Review.query().whereIn(
        'orderId',
        orders.map((o) => o.id)
      )
    : []
  const byOrder = new Map(reviews.map((r) => [r.orderId, r]))
  return orders.map((order) => ({ order, review: byOrder.get(order.id) ?? null }))
}
