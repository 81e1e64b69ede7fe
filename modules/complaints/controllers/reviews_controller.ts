import type { HttpContext } from '@adonisjs/core/http'
import { ForbiddenException } from '#kernel/exceptions/forbidden_exception'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { type CurrentUser, actingInstitutionId } from '#modules/identity'
import { contractSummaries } from '#modules/catalog'
import { institutionSummaries, institutionSummary } from '#modules/registry'
import { HideReview, PostReview, ReplyToReview } from '../actions/reviews.js'
import { isBureau } from '../policies/complaint_policy.js'
import {
  institutionRating,
  institutionReviews,
  regionReviews,
  reviewableOrders,
  visibleReviews,
} from '../queries/reviews.js'
import { complaintMessages, idParam } from '../services/http.js'
import { hideValidator, reviewReplyValidator, reviewValidator } from '../validators/complaint.js'

/** Reviews: written by parents with a consumed class, answered by the institution, moderated by bureaus. */
export default class ReviewsController {
  /** Website: an institution's rating and visible reviews. */
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
    const user = ctx.auth.user as CurrentUser
    const rows = await reviewableOrders(user.id)
    const [contracts, institutions] = await Promise.all([
      contractSummaries(rows.map((r) => r.order.contractId)),
      institutionSummaries(rows.map((r) => r.order.institutionId)),
    ])
    return ctx.view.render('complaints::reviews/mine', { rows, contracts, institutions })
  }

  async store(ctx: HttpContext) {
    const user = ctx.auth.user as CurrentUser
    const { rating, body } = await ctx.request.validateUsing(reviewValidator, {
      messagesProvider: complaintMessages(ctx),
    })
    await new PostReview().handle(user, idParam(ctx.params.id), rating, body)
    ctx.session.flash('success', ctx.i18n.t('complaints.reviews.posted'))
    return ctx.response.redirect().toRoute('parent_reviews.index')
  }

  async institution(ctx: HttpContext) {
    const institutionId = actingInstitutionId(ctx)
    const reviews = await institutionReviews(institutionId, ctx.request.input('page'))
    reviews.baseUrl(ctx.request.url())
    return ctx.view.render('complaints::reviews/institution', {
      reviews,
      rating: await institutionRating(institutionId),
    })
  }

  async reply(ctx: HttpContext) {
    actingInstitutionId(ctx)
    const user = ctx.auth.getUserOrFail()
    const { reply } = await ctx.request.validateUsing(reviewReplyValidator, {
      messagesProvider: complaintMessages(ctx),
    })
    await new ReplyToReview().handle(user, idParam(ctx.params.id), reply)
    ctx.session.flash('success', ctx.i18n.t('complaints.reviews.replied'))
    return ctx.response.redirect().toRoute('institution_reviews.index')
  }

  async bureau(ctx: HttpContext) {
    const user = ctx.auth.user as CurrentUser
    if (!isBureau(user)) throw new ForbiddenException()
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
    const user = ctx.auth.user as CurrentUser
    if (!isBureau(user) || user.adminLevel === 'subunit') throw new ForbiddenException()
    const { reason } = await ctx.request.validateUsing(hideValidator, {
      messagesProvider: complaintMessages(ctx),
    })
    await new HideReview().handle(user, idParam(ctx.params.id), reason)
    ctx.session.flash('success', ctx.i18n.t('complaints.reviews.hidden'))
    return ctx.response.redirect().toRoute('bureau_reviews.index')
  }
}
