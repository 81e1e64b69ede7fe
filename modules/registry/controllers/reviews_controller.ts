import type { HttpContext } from '@adonisjs/core/http'
import { ReviewFiling } from '../actions/review_filing.js'
import FilingReview from '../models/filing_review.js'
import InstitutionPolicy from '../policies/institution_policy.js'
import { reviewQueue } from '../queries/admin_queries.js'
import { findInstitution } from '../queries/current_institution.js'
import { decisionCommentValidator, reviewReturnValidator } from '../validators/registry.js'
import { reviewScope } from '../services/authority.js'
import { extraLabelsFor } from '../services/filing.js'

/** Management terminal: the filing review queue (offline by the county, online by the province). */
export default class ReviewsController {
  async index(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    await ctx.bouncer.with(InstitutionPolicy).authorize('index')
    const filings = await reviewQueue(user, Number(ctx.request.input('page', 1)) || 1)
    filings.baseUrl(ctx.request.url())
    return ctx.view.render('registry::reviews/index', { filings, reviewer: !!reviewScope(user) })
  }

  async show(ctx: HttpContext) {
    const institution = await findInstitution(ctx.params.id)
    await ctx.bouncer.with(InstitutionPolicy).authorize('show', institution)
    const reviews = await FilingReview.query()
      .where('institutionId', institution.id)
      .orderBy('id', 'desc')
    const pending = reviews.find((r) => !r.decision) ?? null
    return ctx.view.render('registry::reviews/show', {
      institution,
      reviews,
      pending,
      snapshot: pending?.snapshot ?? reviews[0]?.snapshot ?? {},
      canDecide: await ctx.bouncer.with(InstitutionPolicy).allows('decide', institution),
      extraLabels: await extraLabelsFor(institution.regionCode, institution.delivery),
    })
  }

  async approve(ctx: HttpContext) {
    const institution = await findInstitution(ctx.params.id)
    await ctx.bouncer.with(InstitutionPolicy).authorize('decide', institution)
    const comment = ctx.request.input('comment')
      ? (await ctx.request.validateUsing(decisionCommentValidator)).comment
      : null
    await new ReviewFiling().handle(ctx.auth.getUserOrFail(), institution.id, {
      decision: 'approved',
      comment,
    })
    ctx.session.flash('success', ctx.i18n.t('registry.review.approved'))
    return ctx.response.redirect().toRoute('reviews.index')
  }

  async return(ctx: HttpContext) {
    const institution = await findInstitution(ctx.params.id)
    await ctx.bouncer.with(InstitutionPolicy).authorize('decide', institution)
    const { reasons, comment } = await ctx.request.validateUsing(reviewReturnValidator)
    await new ReviewFiling().handle(ctx.auth.getUserOrFail(), institution.id, {
      decision: 'returned',
      reasons: reasons ?? {},
      comment,
    })
    ctx.session.flash('success', ctx.i18n.t('registry.review.returned'))
    return ctx.response.redirect().toRoute('reviews.index')
  }
}
