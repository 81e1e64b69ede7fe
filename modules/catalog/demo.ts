/*
| The catalog module's demo door (`#modules/catalog/demo`), seen only by
| the demo seeder (database/seeders); `npm run boundaries` enforces it.
*/
export { seedCatalogDemo } from './demo/seed.js'
