import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import type { HttpContext } from '@adonisjs/core/http'
import { sendPrivateFile } from '#kernel/shared/downloads'
import { recordAudit } from '#modules/identity'
import { institutionSummary } from '#modules/registry'
import { RemoveMaterial, UploadMaterial, readMaterial } from '../actions/materials.js'
import Material from '../models/material.js'
import CoursePolicy from '../policies/course_policy.js'
import { findCourse } from '../queries/courses.js'
import { catalogMessages } from '../services/http.js'
import { materialValidator } from '../validators/catalog.js'

async function findMaterial(id: unknown): Promise<Material> {
  const material = await Material.find(Number(id) > 0 ? Number(id) : 0)
  if (!material) throw new NotFoundException()
  return material
}

function send(ctx: HttpContext, material: Material, bytes: Buffer) {
  return sendPrivateFile(ctx.response, {
    bytes,
    mimeType: material.mimeType,
    fileName: material.originalName,
  })
}

/** Training materials: institutions upload them per course; bureaus open them to review. */
export default class MaterialsController {
  async store(ctx: HttpContext) {
    const course = await findCourse(ctx.params.id)
    await ctx.bouncer.with(CoursePolicy).authorize('own', course)
    const input = await ctx.request.validateUsing(materialValidator, {
      messagesProvider: catalogMessages(ctx),
    })
    await new UploadMaterial().handle(ctx.auth.getUserOrFail(), course, input)
    ctx.session.flash('success', ctx.i18n.t('catalog.materials.uploaded'))
    return ctx.response.redirect().toRoute('courses.show', { id: course.id })
  }

  async download(ctx: HttpContext) {
    const material = await findMaterial(ctx.params.id)
    await ctx.bouncer.with(CoursePolicy).authorize('own', material)
    return send(ctx, material, await readMaterial(material))
  }

  async destroy(ctx: HttpContext) {
    const material = await findMaterial(ctx.params.id)
    await ctx.bouncer.with(CoursePolicy).authorize('own', material)
    await new RemoveMaterial().handle(ctx.auth.getUserOrFail(), material)
    ctx.session.flash('success', ctx.i18n.t('catalog.materials.removed'))
    return ctx.response.redirect().toRoute('courses.show', { id: material.courseId })
  }

  /** A bureau opens a material of its region; every opening is audited. */
  async review(ctx: HttpContext) {
    const material = await findMaterial(ctx.params.id)
    const institution = await institutionSummary(material.institutionId)
    if (!institution) throw new NotFoundException()
    await ctx.bouncer.with(CoursePolicy).authorize('show', institution)
    await recordAudit({
      action: 'catalog.material_opened',
      actor: ctx.auth.getUserOrFail(),
      subjectType: 'material',
      subjectId: material.id,
      regionCode: institution.regionCode,
    })
    return send(ctx, material, await readMaterial(material))
  }
}
