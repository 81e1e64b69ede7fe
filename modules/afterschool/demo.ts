/*
| The afterschool module's demo door (`#modules/afterschool/demo`), seen
| only by the demo seeder (database/seeders); `npm run boundaries`
| enforces it.
*/
export { seedAfterschoolDemo } from './demo/seed.js'
