import type { HttpContext } from '@adonisjs/core/http'
import { sendPrivateFile } from '#kernel/shared/downloads'
import drive from '@adonisjs/drive/services/main'
import { institutionActedFor, recordAudit } from '#modules/identity'
import ContractPolicy from '../policies/contract_policy.js'
import {
  contractListNames,
  findContract,
  institutionContracts,
  regionContracts,
} from '../queries/contracts.js'
import { ownInstitution } from '../services/http.js'
import type Contract from '../models/contract.js'

async function viewable(ctx: HttpContext): Promise<Contract> {
  const contract = await findContract(ctx.params.id)
  await ctx.bouncer.with(ContractPolicy).authorize('view', contract)
  const user = ctx.auth.getUserOrFail()
  /* A contract holds a child's personal data: every look by someone other than the parent is audited. */
  if (user.id !== contract.parentUserId) {
    await recordAudit({
      action: 'catalog.contract_viewed',
      actor: user,
      subjectType: 'contract',
      subjectId: contract.id,
      regionCode: contract.regionCode,
      summary: ctx.request.url(),
    })
  }
  return contract
}

/** Signed contracts as the parent, the institution and the bureau see them; the PDF is the stored file. */
export default class ContractRecordsController {
  async institutionIndex(ctx: HttpContext) {
    await ctx.bouncer.with(ContractPolicy).authorize('institutionIndex')
    /* An owner who has not filed yet has no contracts: an empty list, not an error. */
    if (!institutionActedFor(ctx.auth.getUserOrFail()))
      return ctx.view.render('catalog::contracts/index', {
        contracts: null,
        terminal: 'institution',
      })
    const institution = await ownInstitution(ctx)
    const contracts = await institutionContracts(institution.id, ctx.request.input('page'))
    contracts.baseUrl(ctx.request.url())
    return ctx.view.render('catalog::contracts/index', {
      contracts,
      ...(await contractListNames(contracts.all())),
      terminal: 'institution',
      showRoute: 'institution_contracts.show',
    })
  }

  async manageIndex(ctx: HttpContext) {
    await ctx.bouncer.with(ContractPolicy).authorize('manageIndex')
    const contracts = await regionContracts(ctx.auth.getUserOrFail(), ctx.request.input('page'))
    contracts.baseUrl(ctx.request.url())
    return ctx.view.render('catalog::contracts/index', {
      contracts,
      ...(await contractListNames(contracts.all())),
      terminal: 'management',
      showRoute: 'manage_contracts.show',
    })
  }

  async parentShow(ctx: HttpContext) {
    return ctx.view.render('catalog::contracts/show', {
      contract: await viewable(ctx),
      terminal: 'parent',
      pdfRoute: 'parent_contracts.pdf',
    })
  }

  async institutionShow(ctx: HttpContext) {
    return ctx.view.render('catalog::contracts/show', {
      contract: await viewable(ctx),
      terminal: 'institution',
      pdfRoute: 'institution_contracts.pdf',
    })
  }

  async manageShow(ctx: HttpContext) {
    return ctx.view.render('catalog::contracts/show', {
      contract: await viewable(ctx),
      terminal: 'management',
      pdfRoute: 'manage_contracts.pdf',
    })
  }

  async pdf(ctx: HttpContext) {
    const contract = await viewable(ctx)
    const bytes = Buffer.from(await drive.use().getBytes(contract.pdfKey))
    ctx.response.header('x-content-sha256', contract.pdfSha256)
    return sendPrivateFile(ctx.response, {
      bytes,
      mimeType: 'application/pdf',
      fileName: `${contract.number}.pdf`,
    })
  }
}
