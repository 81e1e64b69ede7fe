import type { HttpContext } from '@adonisjs/core/http'
import { ContestCreditCode } from '../actions/contest_credit_code.js'
import { DecideCreditCodeContest } from '../actions/decide_credit_code_contest.js'
import CreditCodeContest from '../models/credit_code_contest.js'
import Institution from '../models/institution.js'
import InstitutionPolicy from '../policies/institution_policy.js'
import { pendingContests } from '../queries/credit_code_contests.js'
import { contestDecisionValidator, creditCodeContestValidator } from '../validators/supervision.js'

/* Anyone filing for an institution (an owner, with or without a draft yet) may contest a claimed code. */
function assertFiler(ctx: HttpContext) {
  if (ctx.auth.getUserOrFail().role !== 'institution_owner') ctx.response.abort('Forbidden', 403)
}

async function contestForDecision(ctx: HttpContext) {
  const contest = await CreditCodeContest.findOrFail(Number(ctx.params.id) || 0)
  await ctx.bouncer
    .with(InstitutionPolicy)
    .authorize('decide', await Institution.findOrFail(contest.institutionId))
  return contest
}

/** A claimed credit code contested by its owner (institution terminal) and decided by the bureau (management). */
export default class CreditCodeContestsController {
  async create(ctx: HttpContext) {
    assertFiler(ctx)
    return ctx.view.render('registry::contests/create')
  }

  async store(ctx: HttpContext) {
    assertFiler(ctx)
    const input = await ctx.request.validateUsing(creditCodeContestValidator)
    await new ContestCreditCode().handle(ctx.auth.getUserOrFail(), input)
    ctx.session.flash('success', ctx.i18n.t('registry.contests.submitted'))
    return ctx.response.redirect().toRoute('filing.overview')
  }

  async index(ctx: HttpContext) {
    await ctx.bouncer.with(InstitutionPolicy).authorize('index')
    return ctx.view.render('registry::contests/index', {
      items: await pendingContests(ctx.auth.getUserOrFail()),
    })
  }

  async uphold(ctx: HttpContext) {
    const contest = await contestForDecision(ctx)
    const { comment } = await ctx.request.validateUsing(contestDecisionValidator)
    await new DecideCreditCodeContest().handle(
      ctx.auth.getUserOrFail(),
      contest.id,
      'upheld',
      comment ?? null
    )
    ctx.session.flash('success', ctx.i18n.t('registry.contests.upheld'))
    return ctx.response.redirect().toRoute('credit_code_contests.index')
  }

  async dismiss(ctx: HttpContext) {
    const contest = await contestForDecision(ctx)
    const { comment } = await ctx.request.validateUsing(contestDecisionValidator)
    await new DecideCreditCodeContest().handle(
      ctx.auth.getUserOrFail(),
      contest.id,
      'dismissed',
      comment ?? null
    )
    ctx.session.flash('success', ctx.i18n.t('registry.contests.dismissed'))
    return ctx.response.redirect().toRoute('credit_code_contests.index')
  }
}
