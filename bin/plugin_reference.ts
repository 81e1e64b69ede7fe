/*
| `npm run reference`: writes the plugin reference (plugins/reference/) and
| the runtime list of domain events (app/plugins/domain_events.ts) from the
| typed declarations, so the pages cannot drift from what the type check
| enforces.
|
| It reads, with the TypeScript compiler:
|   - every augmentation of the SDK's `ExtensionPoints` and `DomainEvents`,
|     with each entry's TSDoc: the summary, and the tags @asked (when the
|     platform asks), @region (whose region `ctx.region` is), @decides
|     (what the answer changes) and @national (the national default);
|   - each input, output and payload type down to its fields, nested
|     objects and arrays included, with each field's TSDoc (units live there);
|   - each `defineExtensionPoint({ name, version, kind, description,
|     example, defaultRule })` call, and the constant values its default
|     returns;
|   - and, by running the declaring files, each point's example input.
| tests/unit/plugin_reference.spec.ts fails when a written file is stale.
*/
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import * as prettier from 'prettier'
import ts from 'typescript'
import { pluginHost } from '#kernel/plugins/plugin_host'

/** Where the generated files go, relative to the project root. */
export const REFERENCE_DIR = 'plugins/reference'
export const EVENTS_LIST_FILE = 'app/plugins/domain_events.ts'
const SDK_FILE = 'app/plugin_sdk/index.ts'
const SOURCE_DIRS = ['app', 'modules', 'plugins']
const SKIP = /(^|\/)(node_modules|build|tests|\.adonisjs)(\/|$)/
const TAGS = ['asked', 'region', 'decides', 'national'] as const
type Tag = (typeof TAGS)[number]

interface Field {
  path: string
  type: string
  doc: string
}

interface TypeInfo {
  /** The type's name where it has one (`CourseFacts`), else its text. */
  name: string
  doc: string
  fields: Field[]
}

interface Point {
  name: string
  file: string
  kind: string
  summary: string
  tags: Partial<Record<Tag, string>>
  input: TypeInfo
  output: TypeInfo
  spec?: PointSpec
  /** The input its `example` gives, when it declares one (filled in by `renderReference`). */
  example?: { input: unknown }
}

interface PointSpec {
  version: number
  description: string
  file: string
  /** The default rule as written. */
  code: string
  /** Its answer when it returns constants: top-level field → value as written. */
  values: [string, string][] | null
}

interface DomainEvent {
  name: string
  file: string
  summary: string
  payload: TypeInfo
}

export interface Reference {
  points: Point[]
  events: DomainEvent[]
}

/* ---------- reading the declarations ---------- */

function tsFiles(root: string, dir: string): string[] {
  const abs = join(root, dir)
  if (!existsSync(abs)) return []
  return readdirSync(abs, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .filter((rel) => !SKIP.test(rel))
    .sort()
}

/** The files that augment the SDK's interfaces or declare a point. */
function declaringFiles(root: string): string[] {
  return SOURCE_DIRS.flatMap((dir) => tsFiles(root, dir)).filter((rel) =>
    /interface\s+(ExtensionPoints|DomainEvents)\b|defineExtensionPoint\(\s*\{/.test(
      readFileSync(join(root, rel), 'utf8')
    )
  )
}

function programFor(root: string): ts.Program {
  const configPath = join(root, 'tsconfig.json')
  const config = ts.readConfigFile(configPath, ts.sys.readFile)
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root)
  const files = [SDK_FILE, ...declaringFiles(root)].map((rel) => join(root, rel))
  return ts.createProgram([...new Set(files)], { ...options, noEmit: true })
}

/** Whitespace-collapsed text, paragraphs kept apart by a blank line. */
function prose(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n')
}

function docOf(symbol: ts.Symbol | undefined, checker: ts.TypeChecker): string {
  return symbol ? prose(ts.displayPartsToString(symbol.getDocumentationComment(checker))) : ''
}

function tagsOf(symbol: ts.Symbol, checker: ts.TypeChecker): Partial<Record<Tag, string>> {
  const tags: Partial<Record<Tag, string>> = {}
  for (const tag of symbol.getJsDocTags(checker)) {
    if ((TAGS as readonly string[]).includes(tag.name)) {
      tags[tag.name as Tag] = prose(ts.displayPartsToString(tag.text))
    }
  }
  return tags
}

/**
 * A type as a reader needs it: as written in the declaration, with a local
 * alias of literals (`ListStatus`) spelled out so the values show.
 */
function typeText(node: ts.TypeNode, checker: ts.TypeChecker): string {
  if (ts.isUnionTypeNode(node)) return node.types.map((t) => typeText(t, checker)).join(' | ')
  if (ts.isArrayTypeNode(node)) {
    const element = typeText(node.elementType, checker)
    return ts.isUnionTypeNode(node.elementType) ? `(${element})[]` : `${element}[]`
  }
  /* Member by member, so that the TSDoc of an inline object's fields stays in its own rows. */
  const members = ts.isTypeLiteralNode(node) ? node.members.filter(ts.isPropertySignature) : []
  if (ts.isTypeLiteralNode(node) && members.length === node.members.length) {
    const texts = members.map((m) => {
      const type = m.type ? `: ${typeText(m.type, checker)}` : ''
      return `${m.name.getText()}${m.questionToken ? '?' : ''}${type}`
    })
    return texts.length ? `{ ${texts.join('; ')} }` : '{}'
  }
  if (ts.isTypeReferenceNode(node) && !node.typeArguments) {
    let symbol = checker.getSymbolAtLocation(node.typeName)
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol)
    const declaration = symbol?.declarations?.[0]
    if (
      declaration &&
      ts.isTypeAliasDeclaration(declaration) &&
      !declaration.getSourceFile().isDeclarationFile &&
      (ts.isUnionTypeNode(declaration.type) || ts.isLiteralTypeNode(declaration.type))
    ) {
      return typeText(declaration.type, checker)
    }
  }
  return node.getText().replace(/\s+/g, ' ')
}

function propertyType(prop: ts.Symbol, checker: ts.TypeChecker): string {
  const declaration = prop.valueDeclaration ?? prop.declarations?.[0]
  if (declaration && ts.isPropertySignature(declaration) && declaration.type) {
    return typeText(declaration.type, checker)
  }
  const type = checker.getTypeOfSymbol(prop)
  return checker.typeToString(
    type,
    undefined,
    ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType
  )
}

/** The object type to list fields of (an array's element), or null for a leaf. */
function objectToOpen(type: ts.Type, checker: ts.TypeChecker): { type: ts.Type; suffix: string } {
  let suffix = ''
  let t = checker.getNonNullableType(type)
  while (checker.isArrayType(t)) {
    t = checker.getNonNullableType(checker.getTypeArguments(t as ts.TypeReference)[0]!)
    suffix += '[]'
  }
  return { type: t, suffix }
}

function isOpenable(type: ts.Type, checker: ts.TypeChecker): boolean {
  if (!(type.flags & ts.TypeFlags.Object) || type.getCallSignatures().length) return false
  /* Library types (Date, Map) are leaves: their members are not the rule's facts. */
  const declaration = (type.aliasSymbol ?? type.symbol)?.declarations?.[0]
  if (declaration?.getSourceFile().isDeclarationFile) return false
  return checker.getPropertiesOfType(type).length > 0
}

/** An interface's properties with those it extends first, as a reader meets them. */
function propertiesInOrder(type: ts.Type, checker: ts.TypeChecker): ts.Symbol[] {
  const all = checker.getPropertiesOfType(type)
  const isInterface =
    type.flags & ts.TypeFlags.Object && type.symbol?.flags & ts.SymbolFlags.Interface
  if (!isInterface) return all
  const inherited = (checker.getBaseTypes(type as ts.InterfaceType) ?? []).flatMap((base) =>
    propertiesInOrder(base, checker).map((p) => p.name)
  )
  const rank = (p: ts.Symbol) => (inherited.includes(p.name) ? inherited.indexOf(p.name) : Infinity)
  /* A stable sort keeps the type's own members in declaration order after the inherited ones. */
  return [...all].sort((a, b) => (rank(a) === rank(b) ? 0 : rank(a) < rank(b) ? -1 : 1))
}

function fieldsOf(
  type: ts.Type,
  checker: ts.TypeChecker,
  prefix = '',
  seen: ts.Type[] = []
): Field[] {
  if (!isOpenable(type, checker) || seen.includes(type) || seen.length > 5) return []
  const fields: Field[] = []
  for (const prop of propertiesInOrder(type, checker)) {
    const optional = prop.flags & ts.SymbolFlags.Optional ? '?' : ''
    const path = `${prefix}${prop.name}${optional}`
    fields.push({ path, type: propertyType(prop, checker), doc: docOf(prop, checker) })
    const inner = objectToOpen(checker.getTypeOfSymbol(prop), checker)
    fields.push(...fieldsOf(inner.type, checker, `${path}${inner.suffix}.`, [...seen, type]))
  }
  return fields
}

function typeInfo(type: ts.Type, node: ts.TypeNode | undefined, checker: ts.TypeChecker) {
  const named = type.aliasSymbol ?? (type.symbol?.flags & ts.SymbolFlags.Interface && type.symbol)
  const opened = objectToOpen(type, checker)
  const elementSymbol =
    opened.type.aliasSymbol ??
    (opened.type.symbol?.flags & ts.SymbolFlags.Interface ? opened.type.symbol : undefined)
  return {
    name: node ? typeText(node, checker) : checker.typeToString(type),
    doc: docOf(named || elementSymbol, checker),
    fields: fieldsOf(opened.type, checker, opened.suffix ? `${opened.suffix}.` : ''),
  }
}

/** The member `key` of an entry's type literal (`{ kind; input; output }`), with its type node. */
function member(entry: ts.Type, key: string, checker: ts.TypeChecker) {
  const prop = checker.getPropertyOfType(entry, key)
  if (!prop) throw new Error(`an entry has no "${key}"`)
  const declaration = prop.declarations?.[0]
  const node = declaration && ts.isPropertySignature(declaration) ? declaration.type : undefined
  return { type: checker.getTypeOfSymbol(prop), node }
}

function sdkInterface(program: ts.Program, checker: ts.TypeChecker, root: string, name: string) {
  const sdk = program.getSourceFile(join(root, SDK_FILE))
  const declaration = sdk?.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name
  )
  if (!declaration) throw new Error(`${SDK_FILE} declares no interface ${name}`)
  const symbol = checker.getSymbolAtLocation(declaration.name)!
  return checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol))
}

function fileOf(symbol: ts.Symbol, root: string): string {
  return relative(root, symbol.declarations![0]!.getSourceFile().fileName)
}

/** Unwraps `Object.freeze(x)`, `x as T`, `x satisfies T` and parentheses. */
function unwrap(node: ts.Expression): ts.Expression {
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return unwrap(node.expression)
  if (ts.isSatisfiesExpression(node)) return unwrap(node.expression)
  if (ts.isCallExpression(node) && node.expression.getText() === 'Object.freeze') {
    return node.arguments[0] ? unwrap(node.arguments[0]) : node
  }
  return node
}

/** The constant answer of a default rule (`() => ({ ...NATIONAL, x: 1 })`, `() => 180`). */
function constantAnswer(rule: ts.Expression, checker: ts.TypeChecker): [string, string][] | null {
  if (!ts.isArrowFunction(rule) || !ts.isExpression(rule.body)) return null
  const objectValues = (node: ts.Expression): [string, string][] | null => {
    const body = unwrap(node)
    if (ts.isIdentifier(body)) {
      const declaration = checker.getSymbolAtLocation(body)?.valueDeclaration
      const init = declaration && ts.isVariableDeclaration(declaration) && declaration.initializer
      return init ? objectValues(init) : null
    }
    if (!ts.isObjectLiteralExpression(body)) return null
    const values: [string, string][] = []
    for (const prop of body.properties) {
      if (ts.isSpreadAssignment(prop)) {
        const spread = objectValues(prop.expression)
        if (!spread) return null
        values.push(...spread)
      } else if (ts.isPropertyAssignment(prop)) {
        values.push([prop.name.getText(), prop.initializer.getText()])
      } else return null
    }
    return values
  }
  const body = unwrap(rule.body)
  if (ts.isObjectLiteralExpression(body)) return objectValues(body)
  if (ts.isNumericLiteral(body) || ts.isStringLiteral(body) || ts.isArrayLiteralExpression(body)) {
    return body.getText().length < 80 ? [['', body.getText()]] : null
  }
  return null
}

function pointSpecs(program: ts.Program, checker: ts.TypeChecker, root: string) {
  const specs = new Map<string, PointSpec>()
  for (const source of program.getSourceFiles()) {
    const file = relative(root, source.fileName)
    if (source.isDeclarationFile || file.startsWith('..') || SKIP.test(file)) continue
    const visit = (node: ts.Node) => {
      if (
        ts.isCallExpression(node) &&
        node.expression.getText() === 'defineExtensionPoint' &&
        node.arguments[0] &&
        ts.isObjectLiteralExpression(node.arguments[0])
      ) {
        const prop = (key: string) => {
          const p = (node.arguments[0] as ts.ObjectLiteralExpression).properties.find(
            (q): q is ts.PropertyAssignment =>
              ts.isPropertyAssignment(q) && q.name.getText() === key
          )
          if (!p) throw new Error(`${file}: defineExtensionPoint without "${key}"`)
          return p.initializer
        }
        const name = prop('name')
        const description = prop('description')
        if (!ts.isStringLiteralLike(name) || !ts.isStringLiteralLike(description)) {
          throw new Error(`${file}: a point's name and description must be string literals`)
        }
        const rule = prop('defaultRule')
        specs.set(name.text, {
          version: Number(prop('version').getText().replace(/_/g, '')),
          description: description.text,
          file,
          code: rule.getText().replace(/\s+/g, ' '),
          values: constantAnswer(rule, checker),
        })
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return specs
}

/** Every extension point and domain event, sorted by name. */
export function readReference(root: string): Reference {
  const program = programFor(root)
  const checker = program.getTypeChecker()
  const specs = pointSpecs(program, checker, root)

  const points = sdkInterface(program, checker, root, 'ExtensionPoints').map((prop): Point => {
    const entry = checker.getTypeOfSymbol(prop)
    const kind = checker.typeToString(member(entry, 'kind', checker).type).replace(/"/g, '')
    const input = member(entry, 'input', checker)
    const output = member(entry, 'output', checker)
    return {
      name: prop.name,
      file: fileOf(prop, root),
      kind,
      summary: docOf(prop, checker),
      tags: tagsOf(prop, checker),
      input: typeInfo(input.type, input.node, checker),
      output: typeInfo(output.type, output.node, checker),
      spec: specs.get(prop.name),
    }
  })
  const events = sdkInterface(program, checker, root, 'DomainEvents').map((prop) => {
    const declaration = prop.declarations![0]!
    const node = ts.isPropertySignature(declaration) ? declaration.type : undefined
    return {
      name: prop.name,
      file: fileOf(prop, root),
      summary: docOf(prop, checker),
      payload: typeInfo(checker.getTypeOfSymbol(prop), node, checker),
    }
  })
  const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : 1)
  return { points: points.sort(byName), events: events.sort(byName) }
}

/* ---------- writing the pages ---------- */

const code = (text: string) => (text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``)
const cell = (text: string) => text.replace(/\n+/g, ' ').replace(/\|/g, '\\|') || '—'
const firstSentence = (text: string) => (text.split(/(?<=[.。])\s/)[0] ?? '').split('\n')[0]!
const pointPage = (name: string) => `points/${name}.md`
const eventAnchor = (name: string) => `#${name.replace(/[^a-z0-9_-]/g, '')}`
const TODO = (tag: Tag) =>
  `Not documented yet: add \`@${tag}\` to the point's entry in the \`ExtensionPoints\` augmentation.`

function table(headers: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n')
}

function fieldsTable(info: TypeInfo, none: string): string {
  if (!info.fields.length) return none
  return table(
    ['field', 'type', 'meaning'],
    info.fields.map((f) => [code(f.path), code(cell(f.type)), cell(f.doc)])
  )
}

function typeSection(title: string, info: TypeInfo, none: string): string {
  return [`## ${title}: ${code(info.name)}`, info.doc, fieldsTable(info, none)]
    .filter(Boolean)
    .join('\n\n')
}

function nationalSection(point: Point): string {
  const parts = ['## National default', point.tags.national ?? TODO('national')]
  const spec = point.spec
  if (spec?.values?.length === 1 && spec.values[0]![0] === '') {
    parts.push(`The national rule answers ${code(spec.values[0]![1])}.`)
  } else if (spec?.values?.length) {
    parts.push(
      'The national rule answers:',
      table(
        ['field', 'national value'],
        spec.values.map(([k, v]) => [code(k), code(cell(v))])
      )
    )
  }
  if (spec) parts.push(`In code (${code(spec.file)}): ${code(spec.code)}`)
  return parts.join('\n\n')
}

function exampleSection(point: Point): string {
  if (!point.example) {
    return "## Example input\n\nNot declared yet: add `example` to the point's `defineExtensionPoint` call."
  }
  return [
    '## Example input',
    "A case a province would decide, as the point's `example` gives it; in a plugin's tests " +
      `\`inputFor('${point.name}', changes)\` starts from it.`,
    '```json\n' + JSON.stringify(point.example.input, null, 2) + '\n```',
  ].join('\n\n')
}

const KIND_TEXT: Record<string, string> = {
  value:
    'value: the first plugin governing the region answers, and may call `ctx.next()` for the next answer down (in the end, the national default).',
  decision:
    'decision: the national rule and every plugin governing the region all run; their violations add up, so a plugin adds rules and cannot drop a national one.',
}

function renderPoint(point: Point): string {
  const spec = point.spec
  const version = spec ? String(spec.version) : 'not declared (no `defineExtensionPoint` call)'
  return [
    `# ${code(point.name)}`,
    point.summary || spec?.description || '',
    [
      `- Kind: ${KIND_TEXT[point.kind] ?? point.kind}`,
      `- Version: ${version}${spec ? `; pin it with \`pins: { '${point.name}': ${spec.version} }\`` : ''}`,
      `- Declared in ${code(point.file)}`,
    ].join('\n'),
    '## When the platform asks',
    point.tags.asked ?? TODO('asked'),
    '## Whose region the rule sees',
    point.tags.region ?? TODO('region'),
    '## What the answer changes',
    point.tags.decides ?? TODO('decides'),
    typeSection('Input', point.input, 'No input: the rule gets an empty object.'),
    exampleSection(point),
    typeSection('Output', point.output, 'The answer is the value itself.'),
    nationalSection(point),
  ]
    .filter(Boolean)
    .join('\n\n')
}

function renderEvents(events: DomainEvent[]): string {
  return [
    '# Domain events',
    "The events a plugin policy may react to (`definePolicy({ on, handle })`). `on` is typed: a name not listed here fails the type check. Each runs the policy after the change that emitted it committed, with the payload below; a policy runs only for events whose `regionCode` lies in one of its plugin's provinces.",
    ...events.flatMap((e) => [
      `## ${code(e.name)}`,
      e.summary || e.payload.doc || 'Not documented yet: add TSDoc to its `DomainEvents` entry.',
      `Payload ${code(e.payload.name)}, declared in ${code(e.file)}:`,
      fieldsTable(e.payload, 'No payload fields.'),
    ]),
  ].join('\n\n')
}

function renderIndex(ref: Reference): string {
  return [
    '# Plugin reference',
    "Generated by `npm run reference` from the modules' typed declarations (the `ExtensionPoints` and `DomainEvents` augmentations and their TSDoc, and the `defineExtensionPoint` calls). Do not edit these pages: change the declarations and run `npm run reference`; `tests/unit/plugin_reference.spec.ts` fails when a page is stale. How to write a plugin: [../README.md](../README.md).",
    '## Extension points',
    table(
      ['point', 'kind', 'version', 'what it is'],
      ref.points.map((p) => [
        `[${code(p.name)}](${pointPage(p.name)})`,
        p.kind,
        p.spec ? String(p.spec.version) : '—',
        cell(p.spec?.description ?? firstSentence(p.summary)),
      ])
    ),
    '## Domain events',
    table(
      ['event', 'when'],
      ref.events.map((e) => [
        `[${code(e.name)}](events.md${eventAnchor(e.name)})`,
        cell(firstSentence(e.summary || e.payload.doc)),
      ])
    ),
  ].join('\n\n')
}

function renderEventList(events: DomainEvent[]): string {
  const names = events.map((e) => `  '${e.name}',`).join('\n')
  return `/*
| The domain events plugins may react to, as a list that exists at run time
| (the \`DomainEvents\` interface leaves nothing behind), for start-up to
| refuse a policy whose \`on\` names no event. Generated by
| \`npm run reference\` from the modules' \`DomainEvents\` augmentations: do
| not edit. The type check fails when this list and \`DomainEvents\`
| disagree, and tests/unit/plugin_reference.spec.ts when it is stale.
*/
import type { EventName } from '../plugin_sdk/index.js'

const NAMES = [
${names}
] as const satisfies readonly EventName[]

/** Fails the type check, naming them, when \`DomainEvents\` has events this list lacks. */
type Unlisted = Exclude<EventName, (typeof NAMES)[number]>
export const EVERY_EVENT_LISTED: [Unlisted] extends [never] ? true : Unlisted = true

/** The names of the domain events the modules declare. */
export function declaredEventNames(): ReadonlySet<string> {
  return new Set(NAMES)
}
`
}

async function formatted(root: string, rel: string, text: string): Promise<string> {
  const filepath = join(root, rel)
  const options = { ...(await prettier.resolveConfig(filepath)), filepath }
  /* Twice: prettier is not always idempotent in one pass. */
  return prettier.format(await prettier.format(text, options), options)
}

/**
 * Each point's example input, from its `example` run as the plugin test kit
 * runs it. Only the files that declare the points are loaded (not the
 * modules' doors, which bring the database); in the app they are already
 * loaded, and the import returns the same declarations.
 */
async function loadExamples(root: string, points: Point[]): Promise<void> {
  const files = new Set(points.flatMap((p) => (p.spec ? [p.spec.file] : [])))
  for (const file of files) await import(pathToFileURL(join(root, file)).href)
  const declared = new Map(pluginHost.points().map((spec) => [spec.name, spec]))
  for (const point of points) {
    const example = declared.get(point.name)?.example
    if (example) point.example = { input: example() }
  }
}

/** Every file the generator writes: path relative to the root → content. */
export async function renderReference(root: string): Promise<Map<string, string>> {
  const ref = readReference(root)
  await loadExamples(root, ref.points)
  const files = new Map<string, string>([
    [`${REFERENCE_DIR}/README.md`, renderIndex(ref)],
    [`${REFERENCE_DIR}/events.md`, renderEvents(ref.events)],
    ...ref.points.map((p): [string, string] => [
      `${REFERENCE_DIR}/${pointPage(p.name)}`,
      renderPoint(p),
    ]),
    [EVENTS_LIST_FILE, renderEventList(ref.events)],
  ])
  for (const [rel, text] of files) files.set(rel, await formatted(root, rel, text))
  return files
}

/** The files now under plugins/reference/, relative to the root. */
export function writtenReferenceFiles(root: string): string[] {
  const dir = join(root, REFERENCE_DIR)
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort()
}

if (import.meta.main) {
  const root = new URL('../', import.meta.url).pathname
  const files = await renderReference(root)
  rmSync(join(root, REFERENCE_DIR), { recursive: true, force: true })
  for (const [rel, text] of files) {
    mkdirSync(dirname(join(root, rel)), { recursive: true })
    writeFileSync(join(root, rel), text)
  }
  console.log(`Wrote ${files.size} files (${REFERENCE_DIR}/, ${EVENTS_LIST_FILE}).`)
}
