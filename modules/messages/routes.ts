import app from '@adonisjs/core/services/app'
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const InboxController = () => import('./controllers/inbox_controller.js')
const DeliveriesController = () => import('./controllers/deliveries_controller.js')
const DevOutboxController = () => import('./controllers/dev_outbox_controller.js')

/* The message centre belongs to every terminal: any signed-in person, their own messages only. */
router
  .group(() => {
    router.get('/messages', [InboxController, 'index']).as('messages.index')
    router.post('/messages/read-all', [InboxController, 'readAll']).as('messages.read_all')
    router.get('/messages/preferences', [InboxController, 'preferences']).as('messages.preferences')
    router
      .post('/messages/preferences', [InboxController, 'savePreferences'])
      .as('messages.save_preferences')
    router.post('/messages/:id/read', [InboxController, 'read']).as('messages.read')
  })
  .use(middleware.auth())

router
  .group(() => {
    router.get('/messages', [DeliveriesController, 'index']).as('deliveries.index')
    router
      .get('/messages/templates', [DeliveriesController, 'templates'])
      .as('deliveries.templates')
  })
  .prefix('/manage')
  .use([middleware.auth(), middleware.terminal({ terminal: 'management' })])

if (!app.inProduction) {
  router.get('/dev/outbox', [DevOutboxController, 'index']).as('outbox.index')
}
