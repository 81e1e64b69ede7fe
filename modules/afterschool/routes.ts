import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

/* Routes of the afterschool module. Name every route: router.get(...).as('afterschool.index'). */
const ManageCallsController = () => import('./calls/controllers/manage_calls_controller.js')
const InstitutionCallsController = () =>
  import('./calls/controllers/institution_calls_controller.js')
const CallChoicesController = () => import('./choices/controllers/call_choices_controller.js')
const SchoolAfterschoolController = () =>
  import('./choices/controllers/school_afterschool_controller.js')
const SchoolChoicesController = () => import('./choices/controllers/school_choices_controller.js')
const SchoolAgreementsController = () =>
  import('./choices/controllers/school_agreements_controller.js')
const SchoolEvaluationsController = () =>
  import('./choices/controllers/school_evaluations_controller.js')

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

/* Management terminal: every school's choices of a call, with the totals. */
router
  .get('/manage/afterschool/calls/:id/choices', [CallChoicesController, 'show'])
  .as('afterschool_calls.choices')
  .use([middleware.auth(), middleware.terminal({ terminal: 'management' })])

/* School terminal (school operators use the management terminal): lists, choices, agreements, ratings. */
router
  .group(() => {
    router
      .get('/afterschool', [SchoolAfterschoolController, 'index'])
      .as('school_afterschool.index')
    router
      .get('/afterschool/calls/:id', [SchoolAfterschoolController, 'show'])
      .as('school_afterschool.show')
    router
      .get('/afterschool/entries/:applicationId/choose', [SchoolChoicesController, 'create'])
      .as('school_afterschool_choices.create')
    router
      .post('/afterschool/entries/:applicationId/choose', [SchoolChoicesController, 'store'])
      .as('school_afterschool_choices.store')
    router
      .post('/afterschool/choices/:id/end', [SchoolChoicesController, 'end'])
      .as('school_afterschool_choices.end')
    router
      .get('/afterschool/entries/:applicationId/agreement', [SchoolAgreementsController, 'create'])
      .as('school_afterschool_agreements.create')
    router
      .post('/afterschool/entries/:applicationId/agreement', [SchoolAgreementsController, 'store'])
      .as('school_afterschool_agreements.store')
    router
      .get('/afterschool/agreements/:id/evaluation', [SchoolEvaluationsController, 'create'])
      .as('school_afterschool_evaluations.create')
    router
      .post('/afterschool/agreements/:id/evaluation', [SchoolEvaluationsController, 'store'])
      .as('school_afterschool_evaluations.store')
  })
  .prefix('/school')
  .use([middleware.auth(), middleware.terminal({ terminal: 'management' })])
