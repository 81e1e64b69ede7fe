import type { Edge } from 'edge.js'

/*
| Edge 6.5 never caches an `@include`d partial: Template#compilePartial
| passes its local-variable names as a rest parameter, so the compiler
| always receives an array (even an empty one) and skips its cache. Every
| page view re-lexed, re-parsed and re-generated each partial it included;
| on the public search page that was most of the time spent in Node.
|
| The compiled function of a partial depends only on the template and the
| names of the local variables it is given, so with the template cache on
| (production) it is kept under that pair.
*/
type CompileFn = (templatePath: string, localVariables?: string[]) => unknown

export function cachePartials(edge: Edge) {
  for (const compiler of [edge.compiler, edge.asyncCompiler]) {
    if (!compiler.cacheManager.enabled) continue
    const compile: CompileFn = compiler.compile.bind(compiler)
    const partials = new Map<string, unknown>()
    ;(compiler as unknown as { compile: CompileFn }).compile = (templatePath, localVariables) => {
      if (!localVariables) return compile(templatePath)
      const key = `${templatePath}\u0000${localVariables.join(',')}`
      let compiled = partials.get(key)
      if (!compiled) {
        compiled = compile(templatePath, localVariables)
        partials.set(key, compiled)
      }
      return compiled
    }
  }
}
