import type { HttpContext } from '@adonisjs/core/http'
import { institutionActedFor } from '#modules/identity'
import { institutionSummary } from '#modules/registry'
import { SaveCourse } from '../actions/save_course.js'
import { SubmitCourse } from '../actions/list_course.js'
import CourseDecision from '../models/course_decision.js'
import Material from '../models/material.js'
import CoursePolicy from '../policies/course_policy.js'
import { findCourse, institutionCourses } from '../queries/courses.js'
import {
  draftFromInput,
  formOptions,
  formValues,
  withoutBlankSlots,
} from '../services/course_form.js'
import { checkCourse } from '../services/course_rules.js'
import { draftOf } from '../course/draft.js'
import { backWithViolations, catalogMessages, ownInstitution } from '../services/http.js'
import { courseValidator } from '../validators/catalog.js'
import { courseView } from '../services/course_view.js'
import { salesFreezesOf } from '../services/sales_freezes.js'

/** Institution terminal: the institution's courses, from draft to sale. */
export default class CoursesController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(CoursePolicy).authorize('institutionIndex')
    const acting = institutionActedFor(ctx.auth.getUserOrFail())
    /* An owner who has not filed yet gets a pointer to the filing, not an error. */
    const institution = acting ? await institutionSummary(acting) : null
    if (!institution)
      return ctx.view.render('catalog::courses/index', { institution: null, courses: null })
    const courses = await institutionCourses(institution.id, ctx.request.input('page'))
    courses.baseUrl(ctx.request.url())
    return ctx.view.render('catalog::courses/index', {
      institution,
      courses,
      freezes: await salesFreezesOf(institution.id),
    })
  }

  async create(ctx: HttpContext) {
    await ctx.bouncer.with(CoursePolicy).authorize('create')
    const institution = await ownInstitution(ctx)
    return ctx.view.render('catalog::courses/form', {
      institution,
      course: null,
      values: formValues(null, ctx.session.flashMessages.all()),
      ...(await formOptions(institution.id)),
    })
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(CoursePolicy).authorize('create')
    const institution = await ownInstitution(ctx)
    const input = await courseValidator.validate(withoutBlankSlots(ctx.request.all()), {
      messagesProvider: catalogMessages(ctx),
    })
    const { party } = await formOptions(institution.id)
    let courseId = 0
    const saved = await backWithViolations(ctx, async () => {
      courseId = (
        await new SaveCourse().handle(
          ctx.auth.getUserOrFail(),
          institution,
          draftFromInput(input, party)
        )
      ).id
    })
    if (!saved) return ctx.response.redirect().back()
    ctx.session.flash('success', ctx.i18n.t('catalog.courses.saved'))
    return ctx.response.redirect().toRoute('courses.show', { id: courseId })
  }

  async show(ctx: HttpContext) {
    const course = await findCourse(ctx.params.id)
    await ctx.bouncer.with(CoursePolicy).authorize('own', course)
    const institution = await ownInstitution(ctx)
    const { violations } = await checkCourse(institution, draftOf(course))
    const [decisions, materials] = [
      await CourseDecision.query().where('courseId', course.id).orderBy('id', 'desc'),
      await Material.query().where('courseId', course.id).orderBy('id', 'desc'),
    ]
    return ctx.view.render('catalog::courses/show', {
      institution,
      ...(await courseView(course)),
      violations,
      decisions,
      materials,
      freezes: await salesFreezesOf(institution.id),
    })
  }

  async edit(ctx: HttpContext) {
    const course = await findCourse(ctx.params.id)
    await ctx.bouncer.with(CoursePolicy).authorize('own', course)
    const institution = await ownInstitution(ctx)
    return ctx.view.render('catalog::courses/form', {
      institution,
      course,
      values: formValues(course, ctx.session.flashMessages.all()),
      ...(await formOptions(institution.id)),
    })
  }

  async update(ctx: HttpContext) {
    const course = await findCourse(ctx.params.id)
    await ctx.bouncer.with(CoursePolicy).authorize('own', course)
    const institution = await ownInstitution(ctx)
    const input = await courseValidator.validate(withoutBlankSlots(ctx.request.all()), {
      messagesProvider: catalogMessages(ctx),
    })
    const { party } = await formOptions(institution.id)
    const saved = await backWithViolations(ctx, () =>
      new SaveCourse().handle(
        ctx.auth.getUserOrFail(),
        institution,
        draftFromInput(input, party),
        course
      )
    )
    if (!saved) return ctx.response.redirect().back()
    ctx.session.flash('success', ctx.i18n.t('catalog.courses.saved'))
    return ctx.response.redirect().toRoute('courses.show', { id: course.id })
  }

  async submit(ctx: HttpContext) {
    const course = await findCourse(ctx.params.id)
    await ctx.bouncer.with(CoursePolicy).authorize('own', course)
    const institution = await ownInstitution(ctx)
    let status = ''
    const listed = await backWithViolations(ctx, async () => {
      status = (await new SubmitCourse().handle(ctx.auth.getUserOrFail(), institution, course))
        .status
    })
    if (listed)
      ctx.session.flash(
        'success',
        ctx.i18n.t(status === 'on_sale' ? 'catalog.courses.listed' : 'catalog.courses.submitted')
      )
    return ctx.response.redirect().toRoute('courses.show', { id: course.id })
  }
}
