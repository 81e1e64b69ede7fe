import type { HttpContext } from '@adonisjs/core/http'
import { ValidationError } from '@vinejs/vine'
import { DomainError } from '#kernel/exceptions/domain_error'
import { requestMeta } from '#modules/identity'
import { SignContract } from '../actions/sign_contract.js'
import type Course from '../models/course.js'
import ContractPolicy from '../policies/contract_policy.js'
import { findCourse } from '../queries/courses.js'
import { contractListNames, parentContracts } from '../queries/contracts.js'
import { type StudentInput, assertSaleable, contractTerms } from '../services/contract_terms.js'
import { catalogMessages } from '../services/http.js'
import { contractFormValidator, signValidator } from '../validators/catalog.js'

/* Refusals after which the parent reads the (new) terms again on the preview page. */
const READ_AGAIN = [
  'catalog.contracts.template_changed',
  'catalog.contracts.terms_changed',
  'identity.confirm.wrong',
  'identity.confirm.locked',
]

/** Parent terminal: sign the standard contract of a course online, then keep it. */
export default class ParentContractsController {
  async create(ctx: HttpContext) {
    await ctx.bouncer.with(ContractPolicy).authorize('sign')
    const course = await findCourse(ctx.params.id)
    try {
      await assertSaleable(course)
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      return ctx.view.render('catalog::contracts/unavailable', {
        course,
        message: ctx.i18n.t(error.messageKey, error.data),
      })
    }
    const user = ctx.auth.getUserOrFail()
    return ctx.view.render('catalog::contracts/create', {
      course,
      defaults: { guardianName: user.displayName },
    })
  }

  async preview(ctx: HttpContext) {
    await ctx.bouncer.with(ContractPolicy).authorize('sign')
    const course = await findCourse(ctx.params.id)
    const input = await ctx.request.validateUsing(contractFormValidator, {
      messagesProvider: catalogMessages(ctx),
    })
    return this.#renderPreview(ctx, course, input)
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(ContractPolicy).authorize('sign')
    const course = await findCourse(ctx.params.id)
    const student = ctx.request.only([
      'studentName',
      'studentIdNumber',
      'studentSchool',
      'studentGrade',
      'guardianName',
      'guardianRelation',
    ])
    let input
    try {
      input = await signValidator.validate(ctx.request.all(), {
        messagesProvider: catalogMessages(ctx),
      })
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      const fields: Record<string, string[]> = {}
      for (const m of error.messages as { field: string; message: string }[])
        (fields[m.field] ??= []).push(m.message)
      return this.#renderPreview(ctx, course, student as StudentInput, { fields })
    }
    try {
      const contract = await new SignContract().handle(
        ctx.auth.getUserOrFail(),
        course,
        input,
        requestMeta(ctx)
      )
      ctx.session.flash(
        'success',
        ctx.i18n.t('catalog.contracts.signed', { number: contract.number })
      )
      return ctx.response.redirect().toRoute('parent_contracts.show', { id: contract.id })
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      const message = ctx.i18n.t(error.messageKey, error.data)
      if (READ_AGAIN.includes(error.messageKey)) {
        return this.#renderPreview(
          ctx,
          course,
          input,
          error.field ? { fields: { [error.field]: [message] } } : { message }
        )
      }
      ctx.session.flash('error', message)
      return ctx.response
        .redirect()
        .toRoute(
          error.messageKey === 'catalog.contracts.already_signed'
            ? 'parent_contracts.index'
            : 'public_courses.show',
          error.messageKey === 'catalog.contracts.already_signed' ? {} : { id: course.id }
        )
    }
  }

  async index(ctx: HttpContext) {
    await ctx.bouncer.with(ContractPolicy).authorize('parentIndex')
    const contracts = await parentContracts(ctx.auth.getUserOrFail().id, ctx.request.input('page'))
    contracts.baseUrl(ctx.request.url())
    return ctx.view.render('catalog::contracts/index', {
      contracts,
      ...(await contractListNames(contracts.all())),
      terminal: 'parent',
      showRoute: 'parent_contracts.show',
    })
  }

  async #renderPreview(
    ctx: HttpContext,
    course: Course,
    input: StudentInput,
    problem: { fields?: Record<string, string[]>; message?: string } = {}
  ) {
    try {
      const terms = await contractTerms(ctx.auth.getUserOrFail(), course, input)
      if (problem.fields || problem.message) ctx.response.status(422)
      return ctx.view.render('catalog::contracts/preview', {
        course,
        input,
        terms,
        errors: problem.fields ?? {},
        problem:
          problem.message ?? (problem.fields ? ctx.i18n.t('catalog.contracts.fix_below') : null),
      })
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      if (error.field) throw error
      return ctx.view.render('catalog::contracts/unavailable', {
        course,
        message: ctx.i18n.t(error.messageKey, error.data),
      })
    }
  }
}
