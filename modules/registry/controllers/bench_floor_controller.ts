/* No Bouncer policy: a benchmark endpoint, registered only with BENCH_ROUTES. */
import type { HttpContext } from '@adonisjs/core/http'
import { floorRows } from '../queries/bench_floor.js'

/** The benchmark's stack floor: 20 rows by primary key through a tiny Edge template (registered only with BENCH_ROUTES). */
export default class BenchFloorController {
  async show({ view }: HttpContext) {
    return view.render('registry::bench_floor', { institutions: await floorRows() })
  }
}
