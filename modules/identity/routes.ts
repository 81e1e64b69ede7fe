import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const SessionsController = () => import('./controllers/sessions_controller.js')
const RegistrationsController = () => import('./controllers/registrations_controller.js')
const PasswordLinksController = () => import('./controllers/password_links_controller.js')
const PasswordsController = () => import('./controllers/passwords_controller.js')
const AccountsController = () => import('./controllers/accounts_controller.js')
const OperationsController = () => import('./controllers/operations_controller.js')
const PluginSettingsController = () => import('./controllers/plugin_settings_controller.js')
const AuditEventsController = () => import('./controllers/audit_events_controller.js')

router
  .group(() => {
    router.get('/login', [SessionsController, 'create']).as('sessions.create')
    router.post('/login', [SessionsController, 'store']).as('sessions.store')
    router.get('/register', [RegistrationsController, 'create']).as('registrations.create')
    router
      .post('/register/code', [RegistrationsController, 'sendCode'])
      .as('registrations.send_code')
    router
      .post('/register/phone/change', [RegistrationsController, 'changePhone'])
      .as('registrations.change_phone')
    router.post('/register', [RegistrationsController, 'store']).as('registrations.store')
  })
  .use(middleware.guest())

router
  .post('/logout', [SessionsController, 'destroy'])
  .as('sessions.destroy')
  .use(middleware.auth())

router.get('/password/set/:token', [PasswordLinksController, 'show']).as('password_links.show')
router.post('/password/set/:token', [PasswordLinksController, 'store']).as('password_links.store')

router
  .group(() => {
    router.get('/account/password', [PasswordsController, 'edit']).as('passwords.edit')
    router.put('/account/password', [PasswordsController, 'update']).as('passwords.update')
  })
  .use(middleware.auth())

router
  .group(() => {
    router.get('/accounts', [AccountsController, 'index']).as('accounts.index')
    router.get('/accounts/create', [AccountsController, 'create']).as('accounts.create')
    router.post('/accounts', [AccountsController, 'store']).as('accounts.store')
    router.get('/accounts/:id', [AccountsController, 'show']).as('accounts.show')
    router
      .post('/accounts/:id/phone', [AccountsController, 'revealPhone'])
      .as('accounts.reveal_phone')
    router.post('/accounts/:id/disable', [AccountsController, 'disable']).as('accounts.disable')
    router.post('/accounts/:id/enable', [AccountsController, 'enable']).as('accounts.enable')
    router.post('/accounts/:id/reset', [AccountsController, 'reset']).as('accounts.reset')
    router.get('/audit', [AuditEventsController, 'index']).as('audit_events.index')
    router.get('/operations', [OperationsController, 'index']).as('operations.index')
    router
      .post('/operations/events/:id/requeue', [OperationsController, 'requeueEvent'])
      .as('operations.requeue_event')
    router
      .post('/operations/policy-runs/:id/requeue', [OperationsController, 'requeuePolicyRun'])
      .as('operations.requeue_policy_run')
    router.get('/plugins', [PluginSettingsController, 'index']).as('plugin_settings.index')
    router.get('/plugins/:plugin', [PluginSettingsController, 'show']).as('plugin_settings.show')
    router
      .post('/plugins/:plugin', [PluginSettingsController, 'update'])
      .as('plugin_settings.update')
  })
  .prefix('/manage')
  .use([middleware.auth(), middleware.terminal({ terminal: 'management' })])
