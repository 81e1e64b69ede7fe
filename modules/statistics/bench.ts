/*
| The statistics module's bench door (`#modules/statistics/bench`): the
| generator's last step rebuilds the rollups from the generated records,
| and a forced run empties them first. Seen only by bench/ and bench code;
| `npm run boundaries` enforces who may import it.
*/
export { rebuildStatistics, wipeStatistics } from './bench/rebuild.js'
