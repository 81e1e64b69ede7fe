/*
| Routes of the students module, one file per part. Name every route:
| router.get(...).as('schools.index').
*/
import './schools/routes.js'
import './children/routes.js'
