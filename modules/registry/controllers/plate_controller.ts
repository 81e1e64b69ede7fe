/* No Bouncer policy: no id in the route: it only ever reads the account's own institution. */
import type { HttpContext } from '@adonisjs/core/http'
import { currentInstitution } from '../queries/current_institution.js'
import { platePdf, platePng, verificationUrl } from '../services/plate.js'

/** Institution terminal: the compliance code plate, for approved institutions. */
export default class PlateController {
  async show(ctx: HttpContext) {
    const institution = await currentInstitution(ctx.auth.getUserOrFail())
    const available = !!institution?.isPublic
    return ctx.view.render('registry::plate/show', {
      institution,
      available,
      url: available ? verificationUrl(institution!) : null,
    })
  }

  async download(ctx: HttpContext) {
    const institution = await currentInstitution(ctx.auth.getUserOrFail())
    if (!institution?.isPublic) return ctx.response.notFound()
    const format = ctx.params.format
    if (format !== 'pdf' && format !== 'png') return ctx.response.notFound()
    const bytes = format === 'pdf' ? await platePdf(institution) : await platePng(institution)
    ctx.response.header('content-type', format === 'pdf' ? 'application/pdf' : 'image/png')
    const disposition = ctx.request.input('inline') ? 'inline' : 'attachment'
    ctx.response.header(
      'content-disposition',
      `${disposition}; filename*=UTF-8''${encodeURIComponent(`${institution.name}-合规码牌.${format}`)}`
    )
    return ctx.response.send(bytes)
  }
}
