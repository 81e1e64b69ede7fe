/*
| The identity module's demo door (`#modules/identity/demo`): what the demo
| seeder (database/seeders) and other modules' demo seeders need. Never
| imported by application code; `npm run boundaries` enforces who may.
*/
export {
  seedIdentityDemo,
  seedDemoParents,
  demoName,
  demoAccountsExist,
  type DemoAccount,
} from './demo/seed.js'
