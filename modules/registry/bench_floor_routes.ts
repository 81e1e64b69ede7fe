/*
| The benchmark's stack-floor route (`npm run bench`). It exists only when
| BENCH_ROUTES is set, never in a normal deployment, and lives outside the
| terminals (/manage, /institution, /parent, /bank).
*/
import router from '@adonisjs/core/services/router'
import env from '#start/env'

const BenchFloorController = () => import('./controllers/bench_floor_controller.js')

if (env.get('BENCH_ROUTES')) {
  router.get('/bench/floor', [BenchFloorController, 'show']).as('bench.floor')
}
