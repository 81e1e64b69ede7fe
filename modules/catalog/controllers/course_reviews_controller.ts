import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import type { HttpContext } from '@adonisjs/core/http'
import {
  type InstitutionSummary,
  institutionSummaries,
  institutionSummary,
} from '#modules/registry'
import { DecideCourse } from '../actions/list_course.js'
import type Course from '../models/course.js'
import CourseDecision from '../models/course_decision.js'
import Material from '../models/material.js'
import CoursePolicy from '../policies/course_policy.js'
import { findCourse, regionCourses } from '../queries/courses.js'
import { checkCourse } from '../services/course_rules.js'
import { courseView } from '../services/course_view.js'
import { backWithViolations, catalogMessages } from '../services/http.js'
import { draftOf } from '../course/draft.js'
import { reasonValidator } from '../validators/catalog.js'

async function courseAndInstitution(ctx: HttpContext): Promise<[Course, InstitutionSummary]> {
  const course = await findCourse(ctx.params.id)
  const institution = await institutionSummary(course.institutionId)
  if (!institution) throw new NotFoundException()
  return [course, institution]
}

/** Management terminal: courses of the region, the approval queue, take-downs. */
export default class CourseReviewsController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(CoursePolicy).authorize('index')
    const status =
      typeof ctx.request.input('status') === 'string' ? ctx.request.input('status') : null
    const courses = await regionCourses(ctx.auth.getUserOrFail(), {
      status,
      page: ctx.request.input('page'),
    })
    courses.baseUrl(ctx.request.url())
    courses.queryString({ status: status ?? undefined })
    const institutions = await institutionSummaries(courses.all().map((c) => c.institutionId))
    return ctx.view.render('catalog::reviews/index', { courses, institutions, status })
  }

  async show(ctx: HttpContext) {
    const [course, institution] = await courseAndInstitution(ctx)
    await ctx.bouncer.with(CoursePolicy).authorize('show', institution)
    const { violations } = await checkCourse(institution, draftOf(course))
    return ctx.view.render('catalog::reviews/show', {
      ...(await courseView(course)),
      institution,
      violations,
      decisions: await CourseDecision.query().where('courseId', course.id).orderBy('id', 'desc'),
      materials: await Material.query().where('courseId', course.id).orderBy('id', 'desc'),
      canDecide: await ctx.bouncer.with(CoursePolicy).allows('decide', institution),
    })
  }

  async approve(ctx: HttpContext) {
    const [course, institution] = await courseAndInstitution(ctx)
    await ctx.bouncer.with(CoursePolicy).authorize('decide', institution)
    const approved = await backWithViolations(ctx, () =>
      new DecideCourse().approve(ctx.auth.getUserOrFail(), course)
    )
    if (approved) ctx.session.flash('success', ctx.i18n.t('catalog.reviews.approved'))
    return ctx.response.redirect().toRoute('course_reviews.show', { id: course.id })
  }

  async reject(ctx: HttpContext) {
    const [course, institution] = await courseAndInstitution(ctx)
    await ctx.bouncer.with(CoursePolicy).authorize('decide', institution)
    const { reason } = await ctx.request.validateUsing(reasonValidator, {
      messagesProvider: catalogMessages(ctx),
    })
    await new DecideCourse().reject(ctx.auth.getUserOrFail(), course, reason)
    ctx.session.flash('success', ctx.i18n.t('catalog.reviews.rejected'))
    return ctx.response.redirect().toRoute('course_reviews.show', { id: course.id })
  }

  async takeDown(ctx: HttpContext) {
    const [course, institution] = await courseAndInstitution(ctx)
    await ctx.bouncer.with(CoursePolicy).authorize('decide', institution)
    const { reason } = await ctx.request.validateUsing(reasonValidator, {
      messagesProvider: catalogMessages(ctx),
    })
    await new DecideCourse().takeDown(ctx.auth.getUserOrFail(), course, reason)
    ctx.session.flash('success', ctx.i18n.t('catalog.reviews.taken_down'))
    return ctx.response.redirect().toRoute('course_reviews.show', { id: course.id })
  }
}
