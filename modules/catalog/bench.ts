/*
| The catalog module's bench door (`#modules/catalog/bench`), seen only by
| bench/ and bench code; `npm run boundaries` enforces it.
*/
export { generateCatalog, wipeCatalog } from './bench/generate.js'
