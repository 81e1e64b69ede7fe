import { I18n } from '@adonisjs/i18n'
import i18nManager from '@adonisjs/i18n/services/main'
import type { NextFn } from '@adonisjs/core/types/http'
import { type HttpContext, RequestValidator } from '@adonisjs/core/http'
import { platformMessages } from '../shared/validation_messages.js'
import { type LocalizedText, textIn } from '../plugin_sdk/index.js'

export const LOCALE_COOKIE = 'xw-locale'

/*
| zh-CN unless the person picked English with the switch (a cookie) or
| their browser asks for it. Validation messages follow the same locale.
*/
export default class LocaleMiddleware {
  static {
    RequestValidator.messagesProvider = (ctx) => platformMessages(ctx.i18n)
  }

  protected localeFor(ctx: HttpContext): string {
    const chosen = ctx.request.plainCookie(LOCALE_COOKIE)
    if (chosen && i18nManager.supportedLocales().includes(chosen)) return chosen
    const preferred = i18nManager.getSupportedLocaleFor(ctx.request.languages())
    return preferred ?? i18nManager.defaultLocale
  }

  async handle(ctx: HttpContext, next: NextFn) {
    ctx.i18n = i18nManager.locale(this.localeFor(ctx))
    ctx.containerResolver.bindValue(I18n, ctx.i18n)
    if ('view' in ctx) {
      const t = ctx.i18n.t.bind(ctx.i18n)
      /* Menu labels are i18n keys from modules, or a plugin's text (zh-CN, maybe with English). */
      const label = (text: LocalizedText) =>
        typeof text !== 'string'
          ? textIn(text, ctx.i18n.locale)
          : /^[a-z_]+\.[a-z_.]+$/.test(text)
            ? t(text)
            : text
      ctx.view.share({ i18n: ctx.i18n, t, label, locale: ctx.i18n.locale })
    }
    return next()
  }
}

declare module '@adonisjs/core/http' {
  export interface HttpContext {
    i18n: I18n
  }
}
