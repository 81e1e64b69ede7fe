/*
| Table ownership, checked by `npm run boundaries` beside the import rules.
|
| The import checker cannot see SQL, so this one reads it: every table is
| owned by the module whose migrations create it (or by the kernel, for
| database/migrations), each module lists its tables in module.json, and a
| table name may appear in SQL or a Lucid model only inside its owner.
| Anything else must be a declared exception with its reason
| (config/boundary_rules.cjs, TABLE_EXCEPTIONS).
|
| What counts as naming a table, read with the TypeScript parser:
|   - the first argument of a query builder call (`from`, `table`, `into`,
|     the joins, the schema builder's create/alter/drop);
|   - a Lucid model's `static table = '...'`, a migration's `tableName`, and
|     a validator rule's `{ table: '...' }`;
|   - in any string or template text, a known table after an upper-case SQL
|     keyword (FROM, JOIN, INTO, UPDATE, TABLE, TRUNCATE, COPY, ONLY).
| Only names of known tables count, so aliases, CTEs and pg_catalog are
| ignored; a name built at run time (`FROM ${table}`) is not seen.
*/
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'

export interface TableViolation {
  rule: string
  from: string
  to: string
}

export interface TableException {
  rule: 'table-ownership'
  from: string
  tables: string[] | '*'
  reason: string
}

const BUILDER_CALLS = new Set([
  'from',
  'table',
  'into',
  'join',
  'innerJoin',
  'leftJoin',
  'leftOuterJoin',
  'rightJoin',
  'rightOuterJoin',
  'fullOuterJoin',
  'crossJoin',
  'createTable',
  'createTableIfNotExists',
  'alterTable',
  'dropTable',
  'dropTableIfExists',
  'renameTable',
  'hasTable',
])
const SQL_NAME = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE|TRUNCATE|COPY|ONLY)\s+"?([a-z_][a-z0-9_]*)/g
const TRUNCATE_LIST = /\bTRUNCATE\s+(?:TABLE\s+)?([a-z0-9_", ]+)/g

/** Files under `dir` with a .ts extension, as paths relative to root. */
function tsFiles(root: string, dir: string, skip: RegExp): string[] {
  const abs = join(root, dir)
  if (!existsSync(abs)) return []
  const out: string[] = []
  for (const entry of readdirSync(abs, { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`
    if (skip.test(rel)) continue
    if (entry.isDirectory()) out.push(...tsFiles(root, rel, skip))
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(rel)
  }
  return out
}

function stringText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text
  return undefined
}

/** `'institutions as i'` and `'public.institutions'` both name institutions. */
const tableOf = (text: string) => text.trim().split(/\s+/)[0]!.split('.').pop()!

/** Functions of the file whose first parameter is named table or tableName. */
function tableHelpers(file: ts.SourceFile): Set<string> {
  const names = new Set<string>()
  const takesTable = (params: ts.NodeArray<ts.ParameterDeclaration>) =>
    params[0] !== undefined && /^table(Name)?$/.test(params[0].name.getText(file))
  const visit = (node: ts.Node) => {
    if (ts.isFunctionDeclaration(node) && node.name && takesTable(node.parameters))
      names.add(node.name.text)
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer &&
      (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer)) &&
      takesTable(node.initializer.parameters)
    )
      names.add(node.name.text)
    ts.forEachChild(node, visit)
  }
  visit(file)
  return names
}

/** Every table name a file's code or SQL text mentions (known or not). */
export function namedTables(source: string, fileName = 'file.ts'): Set<string> {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true)
  const names = new Set<string>()
  const addSql = (text: string) => {
    for (const m of text.matchAll(SQL_NAME)) names.add(m[1]!)
    for (const m of text.matchAll(TRUNCATE_LIST))
      for (const part of m[1]!.split(',')) names.add(part.replaceAll('"', '').trim())
  }
  const helpers = tableHelpers(file)
  const visit = (node: ts.Node) => {
    /* A local helper whose first parameter is the table: `count('outbox_events', …)`. */
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const first = node.arguments[0] && stringText(node.arguments[0])
      if (first && helpers.has(node.expression.text)) names.add(tableOf(first))
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const first = node.arguments[0] && stringText(node.arguments[0])
      if (first && BUILDER_CALLS.has(node.expression.name.text)) names.add(tableOf(first))
    }
    if (
      (ts.isPropertyDeclaration(node) || ts.isPropertyAssignment(node)) &&
      ['table', 'tableName'].includes(node.name.getText(file)) &&
      node.initializer
    ) {
      const text = stringText(node.initializer)
      if (text) names.add(tableOf(text))
    }
    const literal = stringText(node)
    if (literal !== undefined) addSql(literal)
    if (ts.isTemplateExpression(node)) {
      addSql(node.head.text)
      for (const span of node.templateSpans) addSql(span.literal.text)
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return names
}

const CREATE_VIEW = /\bCREATE (?:OR REPLACE )?VIEW\s+"?([a-z_][a-z0-9_]*)/g

/** Tables and views a folder of migrations creates. */
function createdRelations(root: string, dir: string): { tables: string[]; views: string[] } {
  const tables = new Set<string>()
  const views = new Set<string>()
  /* In migration order: a later migration's up() may drop what an earlier one created. */
  const files = tsFiles(root, dir, /^$/).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
  for (const rel of files) {
    const file = ts.createSourceFile(rel, readFileSync(join(root, rel), 'utf8'), 99, true)
    let tableName: string | undefined
    const changes: { call: ts.CallExpression; drop: boolean }[] = []
    /* Only up() says what the schema becomes; down() undoes it. */
    const visit = (node: ts.Node, inDown: boolean) => {
      if (ts.isPropertyDeclaration(node) && node.name.getText(file) === 'tableName')
        tableName = node.initializer && stringText(node.initializer)
      const down = inDown || (ts.isMethodDeclaration(node) && node.name.getText(file) === 'down')
      if (
        !down &&
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        ['createTable', 'createJobsTable', 'dropTable', 'dropTableIfExists'].includes(
          node.expression.name.text
        )
      )
        changes.push({ call: node, drop: node.expression.name.text.startsWith('drop') })
      const text = stringText(node)
      if (text && !down) for (const m of text.matchAll(CREATE_VIEW)) views.add(m[1]!)
      ts.forEachChild(node, (child) => visit(child, down))
    }
    visit(file, false)
    for (const { call, drop } of changes) {
      const arg = call.arguments[0]!
      const name = stringText(arg) ?? (arg.getText(file) === 'this.tableName' ? tableName : null)
      if (!name) throw new Error(`${rel}: cannot tell which table createTable or dropTable names`)
      if (drop) tables.delete(name)
      else tables.add(name)
    }
  }
  return { tables: [...tables].sort(), views: [...views].sort() }
}

interface Owner {
  name: string
  tables: string[]
  /** Report views: read-only, scoped by the report host, readable by anyone. */
  views: string[]
}

/** Declared and created must agree, both ways. */
function compare(from: string, key: string, declared: string[], created: string[]) {
  return [
    ...created
      .filter((c) => !declared.includes(c))
      .map((to) => ({ rule: `${key}-undeclared`, from, to })),
    ...declared
      .filter((d) => !created.includes(d))
      .map((to) => ({ rule: `${key}-not-created`, from, to })),
  ]
}

/** The kernel and each module, with the tables its migrations create. */
export function tableOwners(root: string): { owners: Owner[]; problems: TableViolation[] } {
  const kernel = createdRelations(root, 'database/migrations')
  const owners: Owner[] = [{ name: 'kernel', ...kernel }]
  const problems: TableViolation[] = []
  const modulesDir = join(root, 'modules')
  const moduleNames = existsSync(modulesDir)
    ? readdirSync(modulesDir).filter((m) => existsSync(join(modulesDir, m, 'module.json')))
    : []
  for (const name of moduleNames.sort()) {
    const manifest = JSON.parse(readFileSync(join(modulesDir, name, 'module.json'), 'utf8'))
    const created = createdRelations(root, `modules/${name}/database/migrations`)
    const from = `modules/${name}/module.json`
    problems.push(
      ...compare(from, 'tables', [...(manifest.tables ?? [])].sort(), created.tables),
      ...compare(from, 'report-views', [...(manifest.reportViews ?? [])].sort(), created.views)
    )
    owners.push({ name, ...created })
  }
  return { owners, problems }
}

/** Who a file speaks for: a module, the kernel, or nobody (outside code). */
function ownerOf(rel: string): string | null {
  const inModule = rel.match(/^modules\/([^/]+)\//)
  if (inModule) return inModule[1]!
  if (/^(app|config|start|database\/migrations)\//.test(rel)) return 'kernel'
  return null
}

/** `from` is a file or a folder ending in "/", where `*` stands for one path segment. */
function covers(from: string, rel: string): boolean {
  const pattern = from
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]+')
  return new RegExp(`^${pattern}${from.endsWith('/') ? '' : '$'}`).test(rel)
}

/** The exception that lifts this name here, if any. */
function exceptionFor(exceptions: TableException[], rel: string, table: string) {
  return exceptions.find(
    (e) => covers(e.from, rel) && (e.tables === '*' || e.tables.includes(table))
  )
}

export function checkTableOwnership(
  root: string,
  folders: string[],
  exceptions: TableException[] = []
): TableViolation[] {
  const { owners, problems } = tableOwners(root)
  /* Report views are absent from the map: naming one is never a violation. */
  const ownerOfTable = new Map<string, string>()
  for (const o of owners) for (const t of o.tables) ownerOfTable.set(t, o.name)
  const violations = [...problems]
  const used = new Set<TableException>()
  const skip = /(^|\/)(node_modules|build|\.adonisjs)(\/|$)|^tests\/fixtures\//
  for (const rel of folders.flatMap((f) => tsFiles(root, f, skip))) {
    const mine = ownerOf(rel)
    for (const table of namedTables(readFileSync(join(root, rel), 'utf8'), rel)) {
      const owner = ownerOfTable.get(table)
      if (!owner || owner === mine) continue
      const exception = exceptionFor(exceptions, rel, table)
      if (exception) used.add(exception)
      else violations.push({ rule: 'table-ownership', from: rel, to: `${table} (${owner})` })
    }
  }
  /* An exception that lifts nothing has outlived its reason. */
  for (const e of exceptions.filter((x) => !used.has(x)))
    violations.push({ rule: 'table-exception-unused', from: e.from, to: String(e.tables) })
  return violations
}

/** A table exception must say why, and name a file or folder that still exists. */
export function checkTableExceptions(exceptions: TableException[], root: string) {
  for (const e of exceptions) {
    if (!e.reason) throw new Error(`Table exception for ${e.from} gives no reason`)
    const parent = e.from.includes('*') ? e.from.slice(0, e.from.indexOf('*')) : e.from
    const path = join(root, parent)
    if (!existsSync(path) || (e.from.endsWith('/') && !statSync(path).isDirectory()))
      throw new Error(`Table exception for ${e.from} names a path that no longer exists: remove it`)
  }
}
