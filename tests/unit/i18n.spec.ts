import { test } from '@japa/runner'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import app from '@adonisjs/core/services/app'

function keys(value: unknown, prefix = ''): string[] {
  if (!value || typeof value !== 'object') return [prefix]
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

/* Every language folder: the shared one and each module's. */
function langRoots(): string[] {
  const roots = [app.makePath('resources/lang')]
  for (const base of ['modules', 'plugins']) {
    const dir = app.makePath(base)
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const lang = app.makePath(base, entry.name, 'lang')
      if (entry.isDirectory() && existsSync(lang)) roots.push(lang)
    }
  }
  return roots
}

test.group('Translations', () => {
  test('every message exists in zh-CN and in English', ({ assert }) => {
    for (const root of langRoots()) {
      const files = readdirSync(`${root}/zh-CN`).filter((f) => f.endsWith('.json'))
      for (const file of files) {
        const zh = keys(JSON.parse(readFileSync(`${root}/zh-CN/${file}`, 'utf8')))
        const en = keys(JSON.parse(readFileSync(`${root}/en/${file}`, 'utf8')))
        assert.deepEqual(
          en.filter((k) => !zh.includes(k)),
          [],
          `${root}/en/${file} has keys zh-CN lacks`
        )
        assert.deepEqual(
          zh.filter((k) => !en.includes(k)),
          [],
          `${root}/en/${file} misses keys`
        )
      }
    }
  })
})
