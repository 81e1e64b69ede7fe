/*
| The complaints module's demo door (`#modules/complaints/demo`), seen only
| by the demo seeder (database/seeders); `npm run boundaries` enforces it.
*/
export { seedComplaintsDemo } from './demo/seed.js'
