/*
| Site-wide routes: the public home page, the terminal homes, the language
| switch and the files that make each terminal installable on a phone.
| Every module adds its own routes in modules/<name>/routes.ts.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const SiteController = () => import('#kernel/controllers/site_controller')
const TerminalController = () => import('#kernel/controllers/terminal_controller')

router.get('/', [SiteController, 'home']).as('site.home')
router.get('/locale/:locale', [SiteController, 'switchLocale']).as('site.locale')
router.get('/manifest/:terminal', [SiteController, 'manifest']).as('site.manifest')
router.get('/offline', [SiteController, 'offline']).as('site.offline')
router.get('/vendor/:file', [SiteController, 'vendor']).as('site.vendor')
router.get('/health', ({ response }) => response.ok({ status: 'ok' })).as('site.health')

for (const [terminal, path] of [
  ['parent', '/parent'],
  ['institution', '/institution'],
  ['management', '/manage'],
  ['bank', '/bank'],
] as const) {
  router
    .get(path, [TerminalController, terminal])
    .as(`terminals.${terminal}`)
    .use([middleware.auth(), middleware.terminal({ terminal })])
}
