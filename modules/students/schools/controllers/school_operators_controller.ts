import type { HttpContext } from '@adonisjs/core/http'
import { DisableOrganizationAccount, requestMeta } from '#modules/identity'
import { OpenSchoolOperator } from '../actions/open_school_operator.js'
import SchoolPolicy from '../policies/school_policy.js'
import {
  disableOperatorValidator,
  schoolMessages,
  schoolOperatorValidator,
} from '../validators/school.js'
import { schoolOr404 } from './schools_controller.js'

/** A school's operator accounts, opened and stopped by its county from the school's page. */
export default class SchoolOperatorsController {
  async store(ctx: HttpContext) {
    const school = await schoolOr404(ctx)
    await ctx.bouncer.with(SchoolPolicy).authorize('openAccount', school)
    const input = await ctx.request.validateUsing(schoolOperatorValidator, {
      messagesProvider: schoolMessages(ctx.i18n),
    })
    const account = await new OpenSchoolOperator().handle(
      ctx.auth.getUserOrFail(),
      school,
      input,
      requestMeta(ctx)
    )
    ctx.session.flash(
      'success',
      ctx.i18n.t('students_schools.operators.opened', { phone: account.phoneMasked ?? '' })
    )
    return ctx.response.redirect().toRoute('schools.show', { id: school.id })
  }

  async disable(ctx: HttpContext) {
    const school = await schoolOr404(ctx)
    await ctx.bouncer.with(SchoolPolicy).authorize('disableAccount', school)
    const { reason } = await ctx.request.validateUsing(disableOperatorValidator, {
      messagesProvider: schoolMessages(ctx.i18n),
    })
    await new DisableOrganizationAccount().handle(
      ctx.auth.getUserOrFail(),
      { type: 'school', id: school.id },
      Number(ctx.params.accountId),
      reason,
      requestMeta(ctx)
    )
    ctx.session.flash('success', ctx.i18n.t('students_schools.operators.disabled'))
    return ctx.response.redirect().toRoute('schools.show', { id: school.id })
  }
}
