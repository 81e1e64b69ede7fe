/*
| The registry module's demo door (`#modules/registry/demo`), seen only by
| the demo seeder (database/seeders); `npm run boundaries` enforces it.
*/
export { seedRegistryDemo } from './demo/seed.js'
