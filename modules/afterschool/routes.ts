import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

/* Routes of the afterschool module. Name every route: router.get(...).as('afterschool.index'). */
const ManageCallsController = () => import('./calls/controllers/manage_calls_controller.js')
const InstitutionCallsController = () =>
  import('./calls/controllers/institution_calls_controller.js')

/* Management terminal: calls for providers, the comparison, publication. */
router
  .group(() => {
    router.get('/afterschool/calls', [ManageCallsController, 'index']).as('afterschool_calls.index')
    router
      .get('/afterschool/calls/new', [ManageCallsController, 'create'])
      .as('afterschool_calls.create')
    router
      .post('/afterschool/calls', [ManageCallsController, 'store'])
      .as('afterschool_calls.store')
    router
      .get('/afterschool/calls/:id', [ManageCallsController, 'show'])
      .as('afterschool_calls.show')
    router
      .post('/afterschool/calls/:id/applications/:applicationId/decision', [
        ManageCallsController,
        'decide',
      ])
      .as('afterschool_calls.decide')
    router
      .post('/afterschool/calls/:id/publish', [ManageCallsController, 'publish'])
      .as('afterschool_calls.publish')
  })
  .prefix('/manage')
  .use([middleware.auth(), middleware.terminal({ terminal: 'management' })])

/* Institution terminal: calls covering its region and its application. */
router
  .group(() => {
    router
      .get('/afterschool', [InstitutionCallsController, 'index'])
      .as('institution_afterschool.index')
    router
      .get('/afterschool/calls/:id', [InstitutionCallsController, 'show'])
      .as('institution_afterschool.show')
    router
      .post('/afterschool/calls/:id/application', [InstitutionCallsController, 'apply'])
      .as('institution_afterschool.apply')
  })
  .prefix('/institution')
  .use([middleware.auth(), middleware.terminal({ terminal: 'institution' })])
