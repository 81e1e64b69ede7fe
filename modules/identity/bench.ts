/*
| The identity module's bench door (`#modules/identity/bench`): the
| benchmark generator's loaders and the names and phone numbers other
| modules' generators reuse. Seen only by bench/ and bench code;
| `npm run boundaries` enforces who may import it.
*/
export {
  generateIdentity,
  generateInstitutionAccounts,
  generateBankOperators,
  wipeIdentity,
  benchParent,
  benchPhone,
  personName,
  givenName,
  surnameOf,
} from './bench/generate.js'
export { ProvisionBenchAdmin, type BenchAdminInput } from './bench/provision_bench_admin.js'
