import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'
import {
  ACTOR_SPECS,
  buildWorldForGroup,
  type ActorName,
  type World,
} from './authorization/world.js'
import { isolated, outcomeOf, send } from './authorization/outcomes.js'
import { RULES, matches } from './authorization/rules.js'
import { NOT_IN_MATRIX, ROUTES, cases } from './authorization/routes.js'
import { listenAsPaymentProvider } from './authorization/payment_provider.js'

/*
| Every registered route, asked by every role, by the owners of a second
| institution, parent and bank, and by bureaus outside the record's region
| — each answer told apart: done, refused by a rule, sent to sign in, 403,
| 404 (authorization/outcomes.ts). The table must list every route: adding
| one without deciding who may use it fails the first test. Each cell runs
| in a savepoint of one world (authorization/world.ts), so it meets the
| same records as every other cell.
*/
const ACTORS = Object.keys(ACTOR_SPECS) as ActorName[]

test.group('Authorization matrix: role, region and owner on every route', (group) => {
  let world: World
  group.setup(() => listenAsPaymentProvider())
  group.setup(async () => {
    const built = await buildWorldForGroup()
    world = built.world
    return built.rollback
  })

  test('the table covers every registered route', ({ assert }) => {
    const registered = Object.values(router.toJSON())
      .flat()
      .flatMap((route) =>
        route.methods.filter((m) => m !== 'HEAD').map((m) => `${m} ${route.pattern}`)
      )
      .filter((key) => !(key in NOT_IN_MATRIX))
    const unruled = [...new Set(registered)].filter((key) => !(key in ROUTES))
    const gone = Object.keys(ROUTES).filter((key) => !registered.includes(key))
    assert.deepEqual(
      { unruled, gone },
      { unruled: [], gone: [] },
      'routes without a rule, or rules for routes that no longer exist'
    )
  })

  let cell = 0
  test('{title} answers each actor as the table says')
    .with(cases())
    .run(async ({ client, assert }, { route, c }) => {
      const method = route.split(' ')[0]!
      const failures: string[] = []
      for (const actorName of ACTORS) {
        const n = ++cell
        const got = await isolated(async () => {
          await c.prepare?.(world)
          const response = await send(client, world.actors[actorName], {
            method,
            path: c.path(world),
            form: c.form?.(world, n, actorName.endsWith('_other') ? world.b : world.a),
            files: c.files,
            headers: c.headers?.(),
          })
          const answer = outcomeOf(response)
          return c.refusedTo && answer.location === c.refusedTo
            ? { ...answer, outcome: 'refused' as const }
            : answer
        })
        const rule = typeof c.rule === 'string' ? RULES[c.rule] : c.rule
        const want = rule(actorName)
        if (!matches(want, got.outcome))
          failures.push(`${actorName}: expected ${want}, got ${got.outcome} (${got.detail})`)
      }
      assert.deepEqual(failures, [], `${route}\n${failures.join('\n')}`)
    })
})
