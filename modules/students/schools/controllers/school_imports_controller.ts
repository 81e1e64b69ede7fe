import { readFile } from 'node:fs/promises'
import type { HttpContext } from '@adonisjs/core/http'
import { requestMeta } from '#modules/identity'
import { ImportSchools } from '../actions/import_schools.js'
import SchoolPolicy from '../policies/school_policy.js'
import { keptRegions } from '../services/keepers.js'
import { MAX_ROWS, buildSchoolTemplate } from '../services/school_sheet.js'
import { schoolImportValidator, schoolMessages } from '../validators/school.js'

/**
 * Management terminal: the register from the county's Excel file. A file
 * of at most 2 MB and 3,000 rows is checked and stored in the request, in
 * one transaction, so its problems are shown at once and nothing of a bad
 * file is kept.
 */
export default class SchoolImportsController {
  async create(ctx: HttpContext) {
    await ctx.bouncer.with(SchoolPolicy).authorize('create')
    return ctx.view.render('students_schools::import', {
      regions: keptRegions(ctx.auth.getUserOrFail()),
      maxRows: MAX_ROWS,
      problems: null,
    })
  }

  async template(ctx: HttpContext) {
    await ctx.bouncer.with(SchoolPolicy).authorize('create')
    ctx.response.header(
      'content-type',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    )
    ctx.response.header(
      'content-disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent('学校名录导入模板.xlsx')}`
    )
    return ctx.response.send(await buildSchoolTemplate())
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(SchoolPolicy).authorize('create')
    const user = ctx.auth.getUserOrFail()
    const { file, regionCode } = await ctx.request.validateUsing(schoolImportValidator, {
      messagesProvider: schoolMessages(ctx.i18n),
    })
    const outcome = await new ImportSchools().handle(
      user,
      { regionCode, bytes: await readFile(file.tmpPath!) },
      requestMeta(ctx)
    )
    if (outcome.stored) {
      ctx.session.flash('success', ctx.i18n.t('students_schools.import.stored', outcome))
      return ctx.response.redirect().toRoute('schools.index')
    }
    /* Every problem on the page at once; the file is not kept. */
    ctx.response.status(422)
    return ctx.view.render('students_schools::import', {
      regions: keptRegions(user),
      maxRows: MAX_ROWS,
      problems: outcome.problems,
      fileName: file.clientName,
    })
  }
}
