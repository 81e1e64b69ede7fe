import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { textIn } from '#plugin_sdk'
import {
  type PluginStateView,
  governingPlugin,
  installedPlugins,
  pluginStateIn,
  savePluginState,
} from '#kernel/plugins/plugin_admin'
import { type SettingProblem, parseSubmittedSettings } from '#kernel/plugins/settings'
import { isProvinceCode, isRegionCode, provinceOf, toRegionCode } from '#kernel/shared/region_code'
import PluginSettingsPolicy from '../policies/plugin_settings_policy.js'
import { recordAudit, requestMeta } from '../services/audit_log.js'
import { regionTree } from '../services/region_tree.js'
import type { CurrentUser } from '../services/current_user.js'

const shanghai = (at: Date | null) =>
  at ? DateTime.fromJSDate(at).setZone('Asia/Shanghai').toFormat('yyyy-MM-dd HH:mm') : null

/** Management terminal: each provincial plugin's switch and settings, per province, without a deploy. */
export default class PluginSettingsController {
  async index(ctx: HttpContext) {
    const { bouncer, view, auth } = ctx
    await bouncer.with(PluginSettingsPolicy).authorize('view')
    const user = auth.getUserOrFail() as CurrentUser
    const own = ownProvince(user)
    const rows: PluginStateView[] = []
    for (const plugin of installedPlugins(own ?? undefined)) {
      for (const province of own ? [own] : plugin.regions) {
        rows.push(await pluginStateIn(plugin, province))
      }
    }
    return view.render('identity::plugins/index', {
      rows: rows.map((row) => this.#present(row, ctx)),
    })
  }

  async show(ctx: HttpContext) {
    const { bouncer, view } = ctx
    await bouncer.with(PluginSettingsPolicy).authorize('view')
    const state = await pluginStateIn(...this.#target(ctx))
    const canEdit = await bouncer.with(PluginSettingsPolicy).allows('edit', state.province)
    return view.render('identity::plugins/show', {
      ...this.#present(state, ctx),
      canEdit,
      form: { enabled: state.enabled, values: state.values, version: state.version },
      problems: {},
    })
  }

  async update(ctx: HttpContext) {
    const { bouncer, request, session, response, i18n, auth, view } = ctx
    await bouncer.with(PluginSettingsPolicy).authorize('view')
    const [plugin, province] = this.#target(ctx)
    await bouncer.with(PluginSettingsPolicy).authorize('edit', province)
    const form = request.only(['enabled', 'version', ...Object.keys(plugin.settings?.fields ?? {})])
    const enabled = form.enabled === 'on'
    const { values, problems } = parseSubmittedSettings(plugin, form)
    const expectedVersion = Number(form.version)
    const state = await pluginStateIn(plugin, province)
    if (Object.keys(problems).length || !Number.isSafeInteger(expectedVersion)) {
      /* Nothing the admin typed is lost: the form comes back with their values and the reasons. */
      response.status(422)
      return view.render('identity::plugins/show', {
        ...this.#present(state, ctx),
        canEdit: true,
        form: {
          enabled,
          values,
          version: Number.isSafeInteger(expectedVersion) ? expectedVersion : state.version,
        },
        problems: Object.fromEntries(
          Object.entries(problems).map(([key, problem]) => [key, problemText(problem, ctx)])
        ),
      })
    }
    const user = auth.getUserOrFail() as CurrentUser
    const outcome = await savePluginState(
      { plugin, province, enabled, values, expectedVersion, actorId: user.id },
      (trx, change) =>
        recordAudit(
          {
            action: 'plugins.settings_saved',
            actor: user,
            subjectType: 'plugin',
            subjectId: plugin.id,
            summary: `${change.plugin.id} @ ${change.province}: ${change.changes.join('; ')}`.slice(
              0,
              500
            ),
            regionCode: change.province,
            meta: requestMeta(ctx),
          },
          trx
        )
    )
    session.flash(
      outcome === 'conflict' ? 'error' : 'success',
      i18n.t(`plugin_settings.outcome.${outcome}`)
    )
    return response.redirect().toRoute(
      'plugin_settings.show',
      { plugin: plugin.id },
      {
        qs: { province },
      }
    )
  }

  /** The plugin and province a request is about; 404 for a plugin that does not govern it. */
  #target(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail() as CurrentUser
    const asked = String(ctx.request.qs().province ?? ctx.request.input('province', ''))
    const province = ownProvince(user) ?? (isProvinceCode(asked) ? asked : null)
    const plugin = province ? governingPlugin(String(ctx.params.plugin), province) : null
    if (!plugin || !province) throw new NotFoundException()
    return [plugin, toRegionCode(province)] as const
  }

  #present(state: PluginStateView, ctx: HttpContext) {
    const locale = ctx.i18n.locale
    const text = (value: Parameters<typeof textIn>[0] | undefined) =>
      value === undefined ? null : textIn(value, locale)
    return {
      pluginId: state.plugin.id,
      name: text(state.plugin.name),
      description: text(state.plugin.description),
      version: state.plugin.version,
      province: state.province,
      provinceName: regionTree.fullName(state.province),
      enabled: state.enabled,
      updatedAtText: shanghai(state.updatedAt),
      fields: state.fields.map(([key, field]) => ({
        key,
        type: field.type,
        label: text(field.label),
        hint: text(field.hint),
        unit: field.type === 'number' ? text(field.unit) : null,
        min: field.type === 'number' ? field.min : null,
        max: field.type === 'number' ? field.max : null,
        step: field.type === 'number' && field.integer === false ? 'any' : '1',
        maxLength: field.type === 'text' ? field.maxLength : null,
        options:
          field.type === 'choice'
            ? field.options.map((o) => ({ value: o.value, label: text(o.label) }))
            : [],
        defaultText: String(field.default),
        value: state.values[key],
      })),
    }
  }
}

/** A provincial bureau's province; null for the ministry, which picks one. */
function ownProvince(user: CurrentUser): string | null {
  if (user.adminLevel !== 'province' || !isRegionCode(user.regionCode)) return null
  return provinceOf(user.regionCode)
}

function problemText(problem: SettingProblem, ctx: HttpContext): string {
  if (problem.key === 'plugin') return textIn(problem.text, ctx.i18n.locale)
  return ctx.i18n.t(`plugin_settings.problems.${problem.key}`, problem.data ?? {})
}
