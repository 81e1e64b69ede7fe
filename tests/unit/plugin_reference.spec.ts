import { test } from '@japa/runner'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { pluginHost } from '#kernel/plugins/plugin_host'
import { declaredEventNames } from '#kernel/plugins/domain_events'
import {
  REFERENCE_DIR,
  readReference,
  renderReference,
  writtenReferenceFiles,
} from '../../bin/plugin_reference.js'

const root = fileURLToPath(new URL('../../', import.meta.url))

test.group('Plugin reference', (group) => {
  /* Rendered once: the generator builds a TypeScript program over the declaring files. */
  let files = new Map<string, string>()
  group.setup(async () => {
    files = await renderReference(root)
  })

  test('every page and the runtime event list are what the declarations give', ({ assert }) => {
    const stale = [...files]
      .filter(
        ([rel, text]) =>
          !existsSync(join(root, rel)) || readFileSync(join(root, rel), 'utf8') !== text
      )
      .map(([rel]) => rel)
    const unknown = writtenReferenceFiles(root).filter((rel) => !files.has(rel))
    assert.deepEqual(
      [...stale, ...unknown],
      [],
      'these files differ from what the declarations give: run npm run reference'
    )
  })

  test('every point declared at start-up has a page, with its version', ({ assert }) => {
    const versions = pluginHost.pointVersions()
    assert.isAbove(versions.size, 0)
    for (const [name, version] of versions) {
      const page = files.get(`${REFERENCE_DIR}/points/${name}.md`)
      assert.exists(page, `no reference page for the extension point "${name}"`)
      assert.include(page!, `- Version: ${version};`, `the page of "${name}" gives another version`)
    }
    const pages = [...files.keys()].filter((rel) => rel.startsWith(`${REFERENCE_DIR}/points/`))
    assert.lengthOf(pages, versions.size, 'a page describes a point nobody declares at start-up')
  })

  test('the runtime event list holds exactly the events of DomainEvents', ({ assert }) => {
    const typed = readReference(root).events.map((e) => e.name)
    assert.isAbove(typed.length, 0)
    assert.deepEqual([...declaredEventNames()].sort(), typed)
    assert.include(files.get(`${REFERENCE_DIR}/events.md`)!, '## `complaints:closed`')
  })
})
