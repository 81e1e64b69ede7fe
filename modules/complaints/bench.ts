/*
| The complaints module's bench door (`#modules/complaints/bench`): the
| benchmark generator's loader for complaints, their trails and reviews.
| Seen only by bench/ and bench code; `npm run boundaries` enforces who may
| import it.
*/
export {
  generateComplaints,
  wipeComplaints,
  type ComplaintsPlan,
  type GeneratedComplaints,
} from './bench/generate.js'
