import { existsSync, readdirSync } from 'node:fs'
import app from '@adonisjs/core/services/app'
import { defineConfig, loaders } from '@adonisjs/i18n'
import { MemoIcuFormatter } from '#kernel/shared/memo_icu_formatter'

/*
| zh-CN is the language of the platform; English is the second. Each module
| keeps its own messages in modules/<name>/lang/<locale>/*.json; they are
| merged key by key with the shared files in resources/lang.
*/
const moduleLangDirs = ['modules', 'plugins'].flatMap((root) => {
  const dir = app.makePath(root)
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => app.makePath(root, entry.name, 'lang'))
    .filter((path) => existsSync(path))
})

export default defineConfig({
  defaultLocale: 'zh-CN',
  supportedLocales: ['zh-CN', 'en'],
  fallbackLocales: { en: 'zh-CN' },
  /* ICU messages, each parsed once (app/shared/memo_icu_formatter.ts). */
  formatter: () => new MemoIcuFormatter(),
  loaders: [
    loaders.fs({ location: app.languageFilesPath() }),
    ...moduleLangDirs.map((location) => loaders.fs({ location })),
  ],
})
