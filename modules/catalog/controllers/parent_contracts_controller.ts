import type { HttpContext } from '@adonisjs/core/http'
import { ValidationError } from '@vinejs/vine'
import { DomainError } from '#kernel/exceptions/domain_error'
import { type CurrentUser, type RequestMeta, requestMeta } from '#modules/identity'
import { StoreChild, childSummariesOf } from '#modules/students'
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

/** The form's student: a picked child's id, or the typed fields (a picked child's replace them later). */
const studentOf = (input: Partial<Record<keyof StudentInput, unknown>>): StudentInput => ({
  childId: input.childId ? Number(input.childId) : null,
  studentName: String(input.studentName ?? ''),
  studentIdNumber: String(input.studentIdNumber ?? ''),
  studentSchool: String(input.studentSchool ?? ''),
  studentGrade: String(input.studentGrade ?? ''),
  guardianName: String(input.guardianName ?? ''),
  guardianRelation: String(input.guardianRelation ?? ''),
})

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
      children: await childSummariesOf(user.id),
      defaults: { guardianName: user.displayName },
    })
  }

  async preview(ctx: HttpContext) {
    await ctx.bouncer.with(ContractPolicy).authorize('sign')
    const course = await findCourse(ctx.params.id)
    const input = await ctx.request.validateUsing(contractFormValidator, {
      messagesProvider: catalogMessages(ctx),
    })
    return this.#renderPreview(ctx, course, { ...studentOf(input), saveChild: input.saveChild })
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(ContractPolicy).authorize('sign')
    const course = await findCourse(ctx.params.id)
    const student = ctx.request.only([
      'childId',
      'saveChild',
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
      return this.#renderPreview(
        ctx,
        course,
        { ...studentOf(student), saveChild: !!student.saveChild },
        { fields }
      )
    }
    try {
      const signing = { ...input, ...studentOf(input) }
      const contract = await new SignContract().handle(
        ctx.auth.getUserOrFail(),
        course,
        signing,
        requestMeta(ctx)
      )
      const saved =
        !signing.childId && input.saveChild
          ? await this.#saveChild(ctx, signing, contract.countyCode ?? contract.regionCode)
          : ''
      ctx.session.flash(
        'success',
        ctx.i18n.t('catalog.contracts.signed', { number: contract.number }) + saved
      )
      return ctx.response.redirect().toRoute('parent_contracts.show', { id: contract.id })
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      const message = ctx.i18n.t(error.messageKey, error.data)
      if (READ_AGAIN.includes(error.messageKey)) {
        return this.#renderPreview(
          ctx,
          course,
          { ...studentOf(input), saveChild: input.saveChild },
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

  /**
   * "Save as a child": the typed student becomes one of the parent's
   * children, at a school not in the register, in the contract's county
   * (the parent may correct both). A refusal (an ID already profiled, a
   * grade the age does not fit) never undoes the signed contract: it is
   * told beside the success.
   */
  async #saveChild(ctx: HttpContext, input: StudentInput, countyCode: string): Promise<string> {
    const user: CurrentUser = ctx.auth.getUserOrFail()
    const meta: RequestMeta = requestMeta(ctx)
    try {
      await new StoreChild().handle(
        user,
        {
          name: input.studentName,
          idNumber: input.studentIdNumber,
          countyCode,
          schoolId: null,
          schoolName: input.studentSchool,
          grade: input.studentGrade as any,
          relation: input.guardianRelation as any,
        },
        meta
      )
      return ctx.i18n.t('catalog.contracts.child_saved')
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      return ctx.i18n.t('catalog.contracts.child_not_saved', {
        reason: ctx.i18n.t(error.messageKey, error.data),
      })
    }
  }

  async #renderPreview(
    ctx: HttpContext,
    course: Course,
    input: StudentInput & { saveChild?: boolean },
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
