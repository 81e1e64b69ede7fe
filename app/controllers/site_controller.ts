import { createReadStream } from 'node:fs'
import app from '@adonisjs/core/services/app'
import i18nManager from '@adonisjs/i18n/services/main'
import type { HttpContext } from '@adonisjs/core/http'
import { LOCALE_COOKIE } from '../middleware/locale_middleware.js'
import { TERMINALS, type Terminal } from '../shared/principal.js'
import { localPath } from '../shared/safe_redirect.js'

/* Browser libraries come from node_modules at pinned versions, never from a CDN. */
const VENDOR: Record<string, string> = {
  'htmx.min.js': 'node_modules/htmx.org/dist/htmx.min.js',
  /* Alpine's CSP build: no eval, so the CSP forbids 'unsafe-eval'. */
  'alpine.min.js': 'node_modules/@alpinejs/csp/dist/cdn.min.js',
  'echarts.min.js': 'node_modules/echarts/dist/echarts.min.js',
}

const START_PATHS: Record<Terminal | 'public', string> = {
  public: '/',
  parent: '/parent',
  institution: '/institution',
  management: '/manage',
  bank: '/bank',
}

/** The public website's shell: home page, language switch, installable-app files. */
export default class SiteController {
  async home({ view }: HttpContext) {
    return view.render('pages/home')
  }

  async switchLocale({ params, request, response }: HttpContext) {
    const locale = i18nManager.supportedLocales().includes(params.locale)
      ? params.locale
      : i18nManager.defaultLocale
    response.plainCookie(LOCALE_COOKIE, locale, { maxAge: '1y', httpOnly: true, sameSite: 'lax' })
    return response.redirect(localPath(request.input('back')) ?? '/')
  }

  async manifest({ params, response, i18n }: HttpContext) {
    const terminal = (params.terminal as string).replace(/\.webmanifest$/, '')
    if (terminal !== 'public' && !TERMINALS.includes(terminal as Terminal))
      return response.notFound()
    const key = terminal as Terminal | 'public'
    response.header('content-type', 'application/manifest+json')
    return {
      id: START_PATHS[key],
      name: `${i18n.t('shell.platform.short')} · ${i18n.t(`shell.terminal.${key}`)}`,
      short_name: i18n.t(`shell.terminal.${key}`),
      lang: i18n.locale,
      start_url: START_PATHS[key],
      scope: '/',
      display: 'standalone',
      background_color: '#f4f6fa',
      theme_color: '#0b4ea2',
      icons: [
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        {
          src: '/icons/icon-maskable-512.png',
          sizes: '512x512',
          type: 'image/png',
          purpose: 'maskable',
        },
      ],
    }
  }

  async offline({ view }: HttpContext) {
    return view.render('pages/offline')
  }

  async vendor({ params, response }: HttpContext) {
    const file = VENDOR[params.file]
    if (!file) return response.notFound()
    response.header('content-type', 'text/javascript; charset=utf-8')
    response.header('cache-control', 'public, max-age=604800')
    return response.stream(createReadStream(app.makePath(file)))
  }
}
