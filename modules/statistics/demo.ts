/*
| The statistics module's demo door (`#modules/statistics/demo`), seen only
| by the demo seeder (database/seeders); `npm run boundaries` enforces it.
*/
export { seedStatisticsDemo } from './demo/seed.js'
