/*
| HTTP middleware. Server middleware runs for every request, so error
| pages also know the language and the signed-in person.
*/
import router from '@adonisjs/core/services/router'
import server from '@adonisjs/core/services/server'

server.errorHandler(() => import('#exceptions/handler'))

server.use([
  () => import('#middleware/container_bindings_middleware'),
  () => import('#middleware/security_headers_middleware'),
  () => import('#middleware/proxy_trust_warning_middleware'),
  () => import('@adonisjs/static/static_middleware'),
  () => import('#middleware/upload_cleanup_middleware'),
  /* The framework's body parser, except for the signed machine endpoints under /api/ (their raw bytes are kept). */
  () => import('#middleware/signed_api_body_middleware'),
  () => import('#middleware/locale_middleware'),
  () => import('@adonisjs/session/session_middleware'),
  () => import('@adonisjs/shield/shield_middleware'),
  () => import('@adonisjs/auth/initialize_auth_middleware'),
  () => import('#middleware/initialize_bouncer_middleware'),
  () => import('#middleware/shell_middleware'),
])

router.use([])

export const middleware = router.named({
  auth: () => import('#middleware/auth_middleware'),
  guest: () => import('#middleware/guest_middleware'),
  terminal: () => import('#middleware/terminal_middleware'),
})
