/*
| Reviews by real customers (measures Art. 2, 8: 家长学生……评价). Only the
| parent of an order with at least one consumed class may review, once per
| order; the institution replies once; a bureau of the region may hide a
| review that breaks the rules, with a reason kept on record.
*/
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { publish } from '#kernel/shared/outbox'
import { DomainError } from '#kernel/exceptions/domain_error'
import { isUniqueViolation } from '#kernel/shared/db_errors'
import { maskName } from '#kernel/shared/personal_data'
import { type CurrentUser, inScope, lineageOf } from '#modules/identity'
import { orderFacts } from '#modules/funds'
import { institutionSummary } from '#modules/registry'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import Review from '../models/review.js'

export class PostReview {
  async handle(
    parent: CurrentUser,
    orderId: number,
    rating: number,
    body: string
  ): Promise<Review> {
    const order = await orderFacts(orderId)
    if (!order || order.parentUserId !== parent.id) throw new NotFoundException()
    if (order.classesConsumed < 1)
      throw new DomainError('complaints.reviews.not_yet', {}, { field: 'rating' })
    const institution = await institutionSummary(order.institutionId)
    if (!institution) throw new NotFoundException()
    const lineage = lineageOf(institution.countyCode ?? institution.regionCode)
    try {
      /* Its own transaction, so a duplicate rolls back alone (a savepoint when called inside another). */
      const review = await db.transaction(async (trx) => {
        const posted = await Review.create(
          {
            orderId: order.id,
            authorUserId: parent.id,
            authorMasked: maskName(parent.displayName),
            institutionId: order.institutionId,
            courseId: order.courseId,
            provinceCode: lineage.provinceCode!,
            cityCode: lineage.cityCode,
            countyCode: lineage.countyCode,
            rating,
            body,
          },
          { client: trx }
        )
        await publish(trx, 'complaints:review_posted', {
          reviewId: posted.id,
          institutionId: posted.institutionId,
          rating,
          regionCode: lineage.regionCode,
        })
        return posted
      })
      return review
    } catch (error) {
      if (isUniqueViolation(error))
        throw new DomainError('complaints.reviews.once', {}, { status: 409 })
      throw error
    }
  }
}

export class ReplyToReview {
  async handle(actor: CurrentUser, reviewId: number, reply: string) {
    await db.transaction(async (trx) => {
      const review = await Review.query({ client: trx }).where('id', reviewId).forUpdate().first()
      if (!review || review.institutionId !== actor.orgId) throw new NotFoundException()
      if (review.reply)
        throw new DomainError('complaints.reviews.replied_once', {}, { status: 409 })
      review.reply = reply
      review.repliedAt = DateTime.now()
      await review.useTransaction(trx).save()
    })
  }
}

export class HideReview {
  async handle(actor: CurrentUser, reviewId: number, reason: string) {
    const review = await Review.find(reviewId)
    if (
      !review ||
      !inScope(review.countyCode ?? review.cityCode ?? review.provinceCode, actor.regionCode)
    )
      throw new NotFoundException()
    if (review.hiddenAt)
      throw new DomainError('complaints.reviews.hidden_already', {}, { status: 409 })
    review.merge({ hiddenAt: DateTime.now(), hiddenReason: reason, hiddenBy: actor.id })
    await review.save()
  }
}
