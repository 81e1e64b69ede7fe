import type { HttpContext } from '@adonisjs/core/http'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { type CurrentUser, actingInstitutionId } from '#modules/identity'
import { contractSummaries } from '#modules/catalog'
import { orderFacts } from '#modules/funds'
import { institutionSummaries, institutionSummary } from '#modules/registry'
import { HideReview, PostReview, ReplyToReview } from '../actions/reviews.js'
import Review from '../models/review.js'
import ReviewPolicy from '../policies/review_policy.js'
import {
  institutionRating,
  institutionReviews,
  regionReviews,
  reviewableOrders,
  visibleReviews,
} from '../queries/reviews.js'
import { complaintMessages, idParam } from '../services/http.js'
import { hideValidator, reviewReplyValidator, reviewValidator } from '../validators/complaint.js'

/** The review in the route, 404 when there is none. */
async function reviewOf(ctx: HttpContext): Promise<Review> {
  const review = await Review.find(idParam(ctx.params.id))
  if (!review) throw new NotFoundException()
  return review
}

/** Reviews: written by parents with a consumed class, answered by the institution, moderated by bureaus. */
export default class ReviewsController {
  /** Website: an institution's rating and visible reviews, open to everyone (no policy). */
  async public(ctx: HttpContext) {
    const institution = await institutionSummary(idParam(ctx.params.id))
    if (!institution || institution.removed) throw new NotFoundException()
    const reviews = await visibleReviews(institution.id, ctx.request.input('page'))
    reviews.baseUrl(ctx.request.url())
    return ctx.view.render('complaints::reviews/public', {
      institution,
      reviews,
      rating: await institutionRating(institution.id),
    })
  }

  async mine(ctx: HttpContext) {
    await ctx.bouncer.with(ReviewPolicy).authorize('parentIndex')
    const user = ctx.auth.getUserOrFail()
    const rows = await reviewableOrders(user.id)
    const [contracts, institutions] = await Promise.all([
      contractSummaries(rows.map((r) => r.order.contractId)),
      institutionSummaries(rows.map((r) => r.order.institutionId)),
    ])
    return ctx.view.render('complaints::reviews/mine', { rows, contracts, institutions })
  }

  async store(ctx: HttpContext) {
    const order = await orderFacts(idParam(ctx.params.id))
    if (!order) throw new NotFoundException()
    await ctx.bouncer.with(ReviewPolicy).authorize('write', order)
    const { rating, body } = await ctx.request.validateUsing(reviewValidator, {
      messagesProvider: complaintMessages(ctx),
    })
    await new PostReview().handle(ctx.auth.getUserOrFail(), order.id, rating, body)
    ctx.session.flash('success', ctx.i18n.t('complaints.reviews.posted'))
    return ctx.response.redirect().toRoute('parent_reviews.index')
  }

  async institution(ctx: HttpContext) {
    await ctx.bouncer.with(ReviewPolicy).authorize('institutionIndex')
    const institutionId = actingInstitutionId(ctx)
    const reviews = await institutionReviews(institutionId, ctx.request.input('page'))
    reviews.baseUrl(ctx.request.url())
    return ctx.view.render('complaints::reviews/institution', {
      reviews,
      rating: await institutionRating(institutionId),
    })
  }

  async reply(ctx: HttpContext) {
    const review = await reviewOf(ctx)
    await ctx.bouncer.with(ReviewPolicy).authorize('reply', review)
    const { reply } = await ctx.request.validateUsing(reviewReplyValidator, {
      messagesProvider: complaintMessages(ctx),
    })
    await new ReplyToReview().handle(ctx.auth.getUserOrFail(), review.id, reply)
    ctx.session.flash('success', ctx.i18n.t('complaints.reviews.replied'))
    return ctx.response.redirect().toRoute('institution_reviews.index')
  }

  async bureau(ctx: HttpContext) {
    await ctx.bouncer.with(ReviewPolicy).authorize('bureauIndex')
    const user = ctx.auth.getUserOrFail() as CurrentUser
    const hidden = ctx.request.input('hidden') === '1'
    const reviews = await regionReviews(user, hidden, ctx.request.input('page'))
    reviews.baseUrl(ctx.request.url()).queryString({ hidden: hidden ? '1' : undefined })
    const institutions = await institutionSummaries(reviews.all().map((r) => r.institutionId))
    return ctx.view.render('complaints::reviews/bureau', {
      reviews,
      hidden,
      institutions,
      canHide: user.adminLevel !== 'subunit',
    })
  }

  async hide(ctx: HttpContext) {
    const review = await Review.find(idParam(ctx.params.id))
    await ctx.bouncer.with(ReviewPolicy).authorize('hide', review)
    if (!review) throw new NotFoundException()
    const { reason } = await ctx.request.validateUsing(hideValidator, {
      messagesProvider: complaintMessages(ctx),
    })
    await new HideReview().handle(ctx.auth.getUserOrFail(), review.id, reason)
    ctx.session.flash('success', ctx.i18n.t('complaints.reviews.hidden'))
    return ctx.response.redirect().toRoute('bureau_reviews.index')
  }
}
