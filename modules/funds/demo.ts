/*
| The funds module's demo door (`#modules/funds/demo`), seen only by the
| demo seeder (database/seeders); `npm run boundaries` enforces it.
*/
export { seedFundsDemo } from './demo/seed.js'
