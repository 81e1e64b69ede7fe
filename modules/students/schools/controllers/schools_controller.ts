import type { HttpContext } from '@adonisjs/core/http'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { STAGES } from '#kernel/shared/school_grades'
import { organizationAccounts, regionTree, requestMeta } from '#modules/identity'
import { CloseSchool } from '../actions/close_school.js'
import { StoreSchool } from '../actions/store_school.js'
import { UpdateSchool } from '../actions/update_school.js'
import SchoolPolicy from '../policies/school_policy.js'
import { listSchools } from '../queries/list_schools.js'
import { schoolDetail } from '../queries/school_detail.js'
import { keptRegions } from '../services/keepers.js'
import {
  closeSchoolValidator,
  schoolFiltersValidator,
  schoolMessages,
  schoolValidator,
} from '../validators/school.js'

/** The school a route names, or 404 before any policy asks. */
export async function schoolOr404(ctx: HttpContext) {
  const school = await schoolDetail(ctx.params.id)
  if (!school) throw new NotFoundException()
  return school
}

/** Management terminal: the school register each county keeps (issue 17). */
export default class SchoolsController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(SchoolPolicy).authorize('index')
    const filters = await schoolFiltersValidator.validate(ctx.request.qs())
    const schools = await listSchools(ctx.auth.getUserOrFail().regionCode, filters)
    schools.baseUrl(ctx.request.url())
    schools.queryString({ q: filters.q })
    return ctx.view.render('students_schools::index', {
      schools,
      filters,
      regionName: (code: string) => regionTree.get(code)?.name ?? code,
      canKeep: await ctx.bouncer.with(SchoolPolicy).allows('create'),
    })
  }

  async create(ctx: HttpContext) {
    await ctx.bouncer.with(SchoolPolicy).authorize('create')
    return ctx.view.render('students_schools::form', {
      school: null,
      stages: STAGES,
      regions: keptRegions(ctx.auth.getUserOrFail()),
    })
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(SchoolPolicy).authorize('create')
    const input = await ctx.request.validateUsing(schoolValidator, {
      messagesProvider: schoolMessages(ctx.i18n),
    })
    const id = await new StoreSchool().handle(ctx.auth.getUserOrFail(), input, requestMeta(ctx))
    ctx.session.flash('success', ctx.i18n.t('students_schools.added', { name: input.name }))
    return ctx.response.redirect().toRoute('schools.show', { id })
  }

  async show(ctx: HttpContext) {
    const school = await schoolOr404(ctx)
    await ctx.bouncer.with(SchoolPolicy).authorize('show', school)
    const can = (ability: 'update' | 'openAccount' | 'disableAccount') =>
      ctx.bouncer.with(SchoolPolicy).allows(ability, school)
    return ctx.view.render('students_schools::show', {
      school,
      regionName: regionTree.fullName(school.regionCode),
      operators: await organizationAccounts('school', school.id),
      canUpdate: await can('update'),
      canOpenAccount: await can('openAccount'),
      canDisableAccount: await can('disableAccount'),
    })
  }

  async edit(ctx: HttpContext) {
    const school = await schoolOr404(ctx)
    await ctx.bouncer.with(SchoolPolicy).authorize('update', school)
    return ctx.view.render('students_schools::form', {
      school,
      stages: STAGES,
      regions: keptRegions(ctx.auth.getUserOrFail()),
    })
  }

  async update(ctx: HttpContext) {
    const school = await schoolOr404(ctx)
    await ctx.bouncer.with(SchoolPolicy).authorize('update', school)
    const input = await ctx.request.validateUsing(schoolValidator, {
      messagesProvider: schoolMessages(ctx.i18n),
    })
    await new UpdateSchool().handle(ctx.auth.getUserOrFail(), school.id, input, requestMeta(ctx))
    ctx.session.flash('success', ctx.i18n.t('students_schools.updated', { name: input.name }))
    return ctx.response.redirect().toRoute('schools.show', { id: school.id })
  }

  /** The confirmation step before a school is closed. */
  async confirmClose(ctx: HttpContext) {
    const school = await schoolOr404(ctx)
    await ctx.bouncer.with(SchoolPolicy).authorize('update', school)
    return ctx.view.render('students_schools::close', { school })
  }

  async close(ctx: HttpContext) {
    const school = await schoolOr404(ctx)
    await ctx.bouncer.with(SchoolPolicy).authorize('update', school)
    const { reason } = await ctx.request.validateUsing(closeSchoolValidator, {
      messagesProvider: schoolMessages(ctx.i18n),
    })
    await new CloseSchool().handle(ctx.auth.getUserOrFail(), school.id, reason, requestMeta(ctx))
    ctx.session.flash('success', ctx.i18n.t('students_schools.closed', { name: school.name }))
    return ctx.response.redirect().toRoute('schools.show', { id: school.id })
  }
}
