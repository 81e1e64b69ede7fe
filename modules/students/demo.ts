/*
| The students module's demo door (`#modules/students/demo`), seen only by
| the demo seeder (database/seeders); `npm run boundaries` enforces it.
*/
export { seedSchoolsDemo } from './schools/demo.js'
export { seedStudentsDemo } from './children/demo.js'
