/*
| The registry module's bench door (`#modules/registry/bench`): the
| benchmark generator's loader and the institution shape later modules'
| generators build on. Seen only by bench/ and bench code;
| `npm run boundaries` enforces who may import it.
*/
export {
  generateRegistry,
  wipeRegistry,
  type BenchInstitution,
  type BenchTeacher,
} from './bench/generate.js'
