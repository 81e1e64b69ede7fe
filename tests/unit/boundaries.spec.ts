import { test } from '@japa/runner'
import { fileURLToPath } from 'node:url'
import { createRequire } from 'node:module'
import { checkBoundaries } from '../../bin/check_boundaries.js'

const { checkExceptions } = createRequire(import.meta.url)('../../config/boundary_rules.cjs')

const fixture = fileURLToPath(new URL('../fixtures/boundary_violation/', import.meta.url))
const root = fileURLToPath(new URL('../../', import.meta.url))

test.group('Module boundary checker', () => {
  test('reports every planted violation, including those behind # imports', async ({ assert }) => {
    const violations = await checkBoundaries(fixture, ['app', 'modules', 'plugins'])
    const seen = violations.map((v) => `${v.rule} ${v.from} -> ${v.to}`).sort()

    assert.includeMembers(seen, [
      'module-internals-from-module modules/beta/index.ts -> modules/alpha/services/secret.ts',
      'undeclared-module-dependency:gamma modules/gamma/index.ts -> modules/alpha/index.ts',
      'kernel-imports-module-or-plugin app/kernel.ts -> modules/alpha/index.ts',
      'plugin-imports-beyond-sdk plugins/sample/plugin.ts -> modules/alpha/index.ts',
    ])
    /* Every import resolved: the checker was not blind to any edge. */
    assert.notInclude(seen.join('\n'), 'not-to-unresolvable')
    /* beta's own, declared use of #modules/alpha is fine. */
    assert.notInclude(
      seen,
      'undeclared-module-dependency:beta modules/beta/index.ts -> modules/alpha/index.ts'
    )
  })

  test('a declared exception needs a reason and a file that still exists', ({ assert }) => {
    assert.throws(
      () =>
        checkExceptions(
          [{ rule: 'no-circular', from: 'modules/gone/index.ts', reason: 'waiting for a move' }],
          root
        ),
      /no longer exists/
    )
    assert.throws(
      () => checkExceptions([{ rule: 'no-circular', from: 'package.json' }], root),
      /gives no reason/
    )
    assert.doesNotThrow(() =>
      checkExceptions([{ rule: 'no-circular', from: 'package.json', reason: 'a reason' }], root)
    )
  })

  test('the platform itself has no violations', async ({ assert }) => {
    assert.deepEqual(await checkBoundaries(root), [])
  })
})
