/*
| `npm run boundaries`: checks the module boundary rules of
| config/boundary_rules.cjs with dependency-cruiser, and table ownership
| with bin/table_ownership.ts, and exits non-zero on any violation.
*/
import { createRequire } from 'node:module'
import { cruise, type ICruiseResult } from 'dependency-cruiser'
import { checkTableExceptions, checkTableOwnership } from './table_ownership.js'

const require = createRequire(import.meta.url)
const { buildConfig, TABLE_EXCEPTIONS } = require('../config/boundary_rules.cjs')

export interface BoundaryViolation {
  rule: string
  from: string
  to: string
}

export const CHECKED_FOLDERS = [
  'app',
  'modules',
  'plugins',
  'start',
  'config',
  'database',
  'tests',
  'bin',
  'bench',
]

/** Import rules and table ownership together; `tableExceptions` default to the platform's. */
export async function checkBoundaries(
  root: string,
  folders: string[] = CHECKED_FOLDERS,
  tableExceptions = TABLE_EXCEPTIONS
): Promise<BoundaryViolation[]> {
  checkTableExceptions(tableExceptions, root)
  const imports = await checkImports(root, folders)
  return [...imports, ...checkTableOwnership(root, folders, tableExceptions)]
}

async function checkImports(root: string, folders: string[]): Promise<BoundaryViolation[]> {
  const { forbidden, options } = buildConfig(root)
  const { enhancedResolveOptions, ...cruiseOptions } = options
  const cwd = process.cwd()
  process.chdir(root)
  try {
    const result = await cruise(
      folders,
      { ...cruiseOptions, enhancedResolveOptions, ruleSet: { forbidden }, validate: true },
      /* Maps `#alias/x.js` and `./x.js` imports to the .ts sources. */
      { extensionAlias: { '.js': ['.ts', '.js'] } } as any
    )
    const output = result.output as ICruiseResult
    return output.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }))
  } finally {
    process.chdir(cwd)
  }
}

if (import.meta.main) {
  const root = new URL('../', import.meta.url).pathname
  const started = Date.now()
  const violations = await checkBoundaries(root)
  if (violations.length) {
    for (const v of violations) console.error(`  ✖ ${v.rule}: ${v.from} → ${v.to}`)
    console.error(
      `\n${violations.length} module boundary violation(s). See config/boundary_rules.cjs and bin/table_ownership.ts.`
    )
    process.exitCode = 1
  } else {
    console.log(`Module boundaries hold (${Date.now() - started} ms).`)
  }
}
