import type { ApplicationService } from '@adonisjs/core/types'
import { registerNavigation, registerPageLinks } from '#kernel/navigation'
import type { CurrentUser } from '#modules/identity'

/* The events whose facts the credit score reads (see score/gather_facts.ts). */
const SCORE_EVENTS = [
  'credit:penalty_recorded',
  'complaints:filed',
  'complaints:closed',
  'complaints:overdue',
  'complaints:review_posted',
  'funds:anomaly_raised',
  'funds:refund_settled',
  'registry:list_changed',
  'registry:filing_approved',
  'catalog:course_listed',
  'catalog:course_taken_down',
  'catalog:material_check_failed',
] as const

export default class CreditProvider {
  constructor(protected app: ApplicationService) {}

  async start() {
    /*
    | Each event that moves a fact of the score queues a recompute of that
    | institution; the job recomputes from the facts, so a redelivered
    | event or a retried job changes nothing.
    */
    const emitter = await this.app.container.make('emitter')
    const { default: RecomputeCreditScoresJob } =
      await import('./jobs/recompute_credit_scores_job.js')
    const recompute = (cause: string) => async (event: { institutionId: number | null }) => {
      if (event.institutionId)
        await RecomputeCreditScoresJob.dispatch({ institutionId: event.institutionId, cause })
    }
    for (const name of SCORE_EVENTS) emitter.on(name, recompute(name))
    /*
    | A school's term-end rating of an after-school provider: credit keeps
    | its own copy first, then recomputes — in one listener, so the
    | recompute never runs before the rating it scores is written.
    */
    const { recordSchoolRating } = await import('./score/actions/record_school_rating.js')
    emitter.on('afterschool:provider_rated', async (event) => {
      await recordSchoolRating(event)
      await recompute('afterschool:provider_rated')(event)
    })
    /* Risk warnings (Art. 17) re-evaluated on the events that move their facts. */
    await (await import('./risk/subscribe_risk_events.js')).subscribeRiskEvents(emitter)
  }

  async boot() {
    await import('./events.js')
    const edge = (await import('edge.js')).default
    edge.mount('credit', new URL('./views/', import.meta.url))
    edge.mount('credit_penalties', new URL('./penalties/views/', import.meta.url))
    edge.mount('credit_score', new URL('./score/views/', import.meta.url))
    edge.mount('credit_risk', new URL('./risk/views/', import.meta.url))

    const bureau = (u: CurrentUser) => u.role === 'admin' && !!u.regionCode
    registerNavigation({
      terminal: 'management',
      label: 'credit_penalties.nav.index',
      hint: 'credit_penalties.nav.index_hint',
      href: '/manage/credit/penalties',
      order: 345,
      visible: bureau,
    })
    registerNavigation(
      {
        terminal: 'institution',
        label: 'credit_score.nav.institution',
        hint: 'credit_score.nav.institution_hint',
        href: '/institution/credit',
        order: 270,
        visible: (u: CurrentUser) => u.orgType === 'institution',
      },
      {
        terminal: 'management',
        label: 'credit_score.nav.bureau',
        hint: 'credit_score.nav.bureau_hint',
        href: '/manage/credit/objections',
        order: 346,
        visible: bureau,
      },
      {
        terminal: 'management',
        label: 'credit_score.nav.draws',
        hint: 'credit_score.nav.draws_hint',
        href: '/manage/credit/draws/new',
        order: 347,
        visible: (u: CurrentUser) => bureau(u) && u.adminLevel !== 'subunit',
      }
    )
    registerNavigation(
      {
        terminal: 'institution',
        label: 'credit_risk.nav.institution',
        hint: 'credit_risk.nav.institution_hint',
        href: '/institution/risk',
        order: 265,
        visible: (u: CurrentUser) => u.orgType === 'institution',
      },
      {
        terminal: 'management',
        label: 'credit_risk.nav.management',
        hint: 'credit_risk.nav.management_hint',
        href: '/manage/risk',
        order: 340,
        visible: bureau,
      }
    )
    registerPageLinks({
      slot: 'registry.public.institution',
      label: 'credit_penalties.public.link',
      href: ({ id }) => `/institutions/${id}/credit`,
    })
  }
}
