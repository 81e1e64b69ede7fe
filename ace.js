/*
| The ace entry point: loads the TypeScript JIT compiler, then the console
| kernel. `node ace build` writes a plain-JS copy of this file into build/.
*/
import '@poppinss/ts-exec'

await import('./bin/console.js')
