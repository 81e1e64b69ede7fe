import type { HttpContext } from '@adonisjs/core/http'
import { sendPrivateFile } from '#kernel/shared/downloads'
import { recordAudit, requestMeta } from '#modules/identity'
import RegistryDocument from '../models/document.js'
import Institution from '../models/institution.js'
import InstitutionPolicy from '../policies/institution_policy.js'
import { readDocument } from '../services/documents.js'

/* Staff papers carry personal data: an admin opening one is written to the audit log. */
const PERSONAL_KINDS = new Set(['staff_id', 'staff_no_crime', 'staff_consent'])

async function findDocument(id: unknown) {
  const numeric = Number(id)
  return RegistryDocument.findOrFail(Number.isSafeInteger(numeric) && numeric > 0 ? numeric : 0)
}

function send(ctx: HttpContext, document: RegistryDocument, bytes: Buffer) {
  return sendPrivateFile(ctx.response, {
    bytes,
    mimeType: document.mimeType,
    fileName: document.originalName,
    disposition: 'inline',
  })
}

export default class DocumentsController {
  async ownDocument(ctx: HttpContext) {
    const document = await findDocument(ctx.params.id)
    const institution = await Institution.findOrFail(document.institutionId)
    /* Staff papers are the owner's to open; the rest of the filing any account of the institution may read. */
    await ctx.bouncer
      .with(InstitutionPolicy)
      .authorize(PERSONAL_KINDS.has(document.kind) ? 'administer' : 'own', institution)
    return send(ctx, document, await readDocument(document))
  }

  async reviewDocument(ctx: HttpContext) {
    const document = await findDocument(ctx.params.id)
    const institution = await Institution.findOrFail(document.institutionId)
    await ctx.bouncer.with(InstitutionPolicy).authorize('show', institution)
    if (PERSONAL_KINDS.has(document.kind)) {
      await recordAudit({
        action: 'pii.viewed',
        actor: ctx.auth.getUserOrFail(),
        subjectType: 'registry_document',
        subjectId: document.id,
        regionCode: institution.regionCode,
        summary: `${document.kind} of institution ${institution.id}`,
        meta: requestMeta(ctx),
      })
    }
    return send(ctx, document, await readDocument(document))
  }
}
