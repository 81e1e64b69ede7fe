import type { HttpContext } from '@adonisjs/core/http'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { RunImport, UploadImport } from '../actions/import_institutions.js'
import ImportBatch from '../models/import_batch.js'
import { buildImportTemplate } from '../services/import_template.js'
import ImportBatchPolicy from '../policies/import_batch_policy.js'
import { spreadsheetValidator } from '../validators/registry.js'
import ValidateImportJob from '../jobs/validate_import_job.js'
import RunImportJob from '../jobs/run_import_job.js'

async function ownBatch(ctx: HttpContext) {
  const batch = await ImportBatch.query()
    .where('id', Number(ctx.params.id) || 0)
    .where('kind', 'institutions')
    .first()
  await ctx.bouncer.with(ImportBatchPolicy).authorize('own', batch)
  if (!batch) throw new NotFoundException()
  return batch
}

/** Management terminal: batch import of institutions from the Excel template (2018 manual). */
export default class ImportsController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(ImportBatchPolicy).authorize('index')
    const user = ctx.auth.getUserOrFail()
    const batches = await ImportBatch.query()
      .where('kind', 'institutions')
      .where('uploadedById', user.id)
      .orderBy('id', 'desc')
      .limit(20)
    return ctx.view.render('registry::imports/index', { batches })
  }

  async template(ctx: HttpContext) {
    await ctx.bouncer.with(ImportBatchPolicy).authorize('create')
    const bytes = await buildImportTemplate((key) => ctx.i18n.t(key))
    ctx.response.header(
      'content-type',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    )
    ctx.response.header(
      'content-disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent('校外培训机构批量导入模板.xlsx')}`
    )
    return ctx.response.send(bytes)
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(ImportBatchPolicy).authorize('create')
    const user = ctx.auth.getUserOrFail()
    const { file } = await ctx.request.validateUsing(spreadsheetValidator)
    const { batch, earlier } = await new UploadImport().handle(user, file)
    if (earlier)
      ctx.session.flash(
        'success',
        ctx.i18n.t('registry.imports.seen_before', {
          date: earlier.createdAt.setZone('Asia/Shanghai').toFormat('yyyy-MM-dd HH:mm'),
        })
      )
    await ValidateImportJob.dispatch({ batchId: batch.id })
    return ctx.response.redirect().toRoute('imports.show', { id: batch.id })
  }

  /** The batch page; htmx polls it for the progress fragment while work is under way. */
  async show(ctx: HttpContext) {
    const batch = await ownBatch(ctx)
    const view =
      ctx.request.header('hx-request') === 'true'
        ? 'registry::imports/_progress'
        : 'registry::imports/show'
    return ctx.view.render(view, { batch })
  }

  async run(ctx: HttpContext) {
    const batch = await ownBatch(ctx)
    await new RunImport().start(ctx.auth.getUserOrFail(), batch)
    await RunImportJob.dispatch({ batchId: batch.id })
    return ctx.response.redirect().toRoute('imports.show', { id: batch.id })
  }
}
