/*
| The students module's public API. Other modules import only this file
| (`#modules/students`). Never export Lucid models from here.
|
| Two parts: the school register (schools/, kept by counties) and the
| children's profiles (children/, kept by their guardians).
*/
export {
  schoolSummary,
  schoolSummaries,
  openSchoolsIn,
  type SchoolSummary,
} from './schools/queries/school_summaries.js'
export { schoolOfOperator } from './schools/queries/school_of_operator.js'
