import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import type { HttpContext } from '@adonisjs/core/http'
import { labelledMessages } from '#kernel/shared/validation_messages'
import { actingInstitutionId } from '#modules/identity'
import { type InstitutionSummary, institutionSummary } from '#modules/registry'
import { CourseViolations } from '../actions/save_course.js'

/** Validation messages that name catalog fields by their labels. */
export const catalogMessages = (ctx: HttpContext) => labelledMessages(ctx.i18n, 'catalog.fields')

/** The institution an institution account acts for (identity's guard: 404 when it acts for none). */
export async function ownInstitution(ctx: HttpContext): Promise<InstitutionSummary> {
  const institution = await institutionSummary(actingInstitutionId(ctx))
  if (!institution) throw new NotFoundException()
  return institution
}

/** Sends the form back with what was typed and the rules it broke. */
export async function backWithViolations(
  ctx: HttpContext,
  action: () => Promise<unknown>
): Promise<boolean> {
  try {
    await action()
    return true
  } catch (error) {
    if (!(error instanceof CourseViolations)) throw error
    ctx.session.flashExcept(['_csrf', 'password'])
    ctx.session.flash('violations', error.violations)
    ctx.session.flash(
      'error',
      ctx.i18n.t('catalog.courses.violations_intro', { count: error.violations.length })
    )
    return false
  }
}
