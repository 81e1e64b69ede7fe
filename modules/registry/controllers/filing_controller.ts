import type { HttpContext } from '@adonisjs/core/http'
import { DomainError } from '#kernel/exceptions/domain_error'
import { SECTIONS, type Section, isSkippable } from '../filing/fields.js'
import { SaveFilingSection } from '../actions/save_filing_section.js'
import { SubmitFiling } from '../actions/submit_filing.js'
import { SkipAcademicSection } from '../actions/skip_academic_section.js'
import { currentInstitution } from '../queries/current_institution.js'
import { filingPageData } from '../queries/filing_page.js'
import { addRow, removeRow } from '../services/filing_rows.js'
import { loadFiling } from '../services/filing.js'
import { pickedRegion } from '../services/region_picker.js'
import { filingMessages } from '../services/filing_messages.js'
import type Institution from '../models/institution.js'
import InstitutionPolicy from '../policies/institution_policy.js'

/* Saving, skipping and submitting the filing are the owner's (staff may read it). */
async function authorizeFiling(ctx: HttpContext, institution: Institution | null) {
  const policy = ctx.bouncer.with(InstitutionPolicy)
  if (institution) await policy.authorize('administer', institution)
  else await policy.authorize('startFiling')
}

/* What the page offers follows the same rule the server enforces: staff read, owners act. */
async function mayAdminister(ctx: HttpContext, institution: Institution | null): Promise<boolean> {
  const policy = ctx.bouncer.with(InstitutionPolicy)
  return institution ? policy.allows('administer', institution) : policy.allows('startFiling')
}

function sectionParam(value: string): Section {
  if (!(SECTIONS as readonly string[]).includes(value))
    throw new DomainError('registry.filing.unknown_section', {}, { status: 404 })
  return value as Section
}

/** Institution terminal: the five-part filing wizard (2018 manual: 新增登记, 下一步自动保存). */
export default class FilingController {
  async overview(ctx: HttpContext) {
    const institution = await currentInstitution(ctx.auth.getUserOrFail())
    return ctx.view.render('registry::filing/overview', {
      ...(await filingPageData(institution, null)),
      mayAdminister: await mayAdminister(ctx, institution),
    })
  }

  async edit(ctx: HttpContext) {
    const { view, auth, params, request } = ctx
    const section = sectionParam(params.section)
    const institution = await currentInstitution(auth.getUserOrFail())
    const allowed = await mayAdminister(ctx, institution)
    if (!institution && section !== 'basic')
      return view.render('registry::filing/overview', {
        ...(await filingPageData(null, null)),
        mayAdminister: allowed,
      })
    const data = await filingPageData(institution, section)
    return view.render('registry::filing/edit', {
      ...data,
      mayAdminister: allowed,
      extraRows: Number(request.input('rows', 0)),
    })
  }

  async update(ctx: HttpContext) {
    const { auth, params, request, response, session, i18n } = ctx
    const section = sectionParam(params.section)
    const user = auth.getUserOrFail()
    const fields = request.except(['_csrf', '_intent', '_method', 'files'])
    if (section === 'basic') {
      fields.regionCode = pickedRegion(fields, 'regionCode') ?? undefined
      for (const suffix of ['province', 'city', 'county']) delete fields[`regionCode_${suffix}`]
    }
    const institution = await currentInstitution(user)
    await authorizeFiling(ctx, institution)
    const intent = String(request.input('_intent', 'next'))
    const rowEdit = intent.startsWith('add:')
      ? addRow(fields, intent)
      : intent.startsWith('remove:')
        ? removeRow(fields, intent)
        : null

    const result = await new SaveFilingSection().handle({
      actor: user,
      institution,
      section,
      fields: rowEdit ?? fields,
      files: request.allFiles().files ?? {},
      messages: filingMessages(i18n),
      translate: (key) => i18n.t(key),
    })

    if (!result.institution) {
      session.flashExcept(['_csrf', 'legalRepIdNumber', 'contactPhone'])
      session.flash('inputErrorsBag', result.errors)
      return response.redirect().toRoute('filing.edit', { section })
    }
    if (rowEdit) return response.redirect().toRoute('filing.edit', { section })
    if (Object.keys(result.errors).length) {
      session.flash('inputErrorsBag', result.errors)
      session.flash('error', i18n.t('registry.filing.saved_with_errors'))
      return response.redirect().toRoute('filing.edit', { section })
    }
    session.flash(
      'success',
      i18n.t(result.proposed ? 'registry.filing.change_requested' : 'registry.filing.saved')
    )
    if (intent === 'stay') return response.redirect().toRoute('filing.edit', { section })
    const next = await this.#nextSection(section, result.institution)
    return next
      ? response.redirect().toRoute('filing.edit', { section: next })
      : response.redirect().toRoute('filing.confirm')
  }

  async skipAcademic(ctx: HttpContext) {
    const { auth, response, session, i18n } = ctx
    const institution = await currentInstitution(auth.getUserOrFail())
    if (!institution) return response.redirect().toRoute('filing.edit', { section: 'basic' })
    await authorizeFiling(ctx, institution)
    await new SkipAcademicSection().handle(auth.getUserOrFail(), institution)
    session.flash('success', i18n.t('registry.filing.academic_skipped'))
    return response.redirect().toRoute('filing.edit', { section: 'conditions' })
  }

  async confirm(ctx: HttpContext) {
    const institution = await currentInstitution(ctx.auth.getUserOrFail())
    return ctx.view.render('registry::filing/confirm', {
      ...(await filingPageData(institution, null)),
      mayAdminister: await mayAdminister(ctx, institution),
    })
  }

  async submit(ctx: HttpContext) {
    const { auth, response, session, i18n } = ctx
    const user = auth.getUserOrFail()
    const institution = await currentInstitution(user)
    if (!institution) return response.redirect().toRoute('filing.edit', { section: 'basic' })
    await authorizeFiling(ctx, institution)
    await new SubmitFiling().handle(user, institution.id)
    session.flash('success', i18n.t('registry.filing.submitted'))
    return response.redirect().toRoute('filing.overview')
  }

  async #nextSection(section: Section, institution: Institution): Promise<Section | null> {
    const { values } = await loadFiling(institution)
    const index = SECTIONS.indexOf(section)
    for (const next of SECTIONS.slice(index + 1)) {
      if (next === 'academic' && isSkippable('academic', values)) continue
      return next
    }
    return null
  }
}
