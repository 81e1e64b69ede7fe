import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

/* The school register: the county's pages (issue 17). */
const SchoolsController = () => import('./controllers/schools_controller.js')
const SchoolImportsController = () => import('./controllers/school_imports_controller.js')
const SchoolOperatorsController = () => import('./controllers/school_operators_controller.js')

router
  .group(() => {
    router.get('/schools', [SchoolsController, 'index']).as('schools.index')
    router.get('/schools/create', [SchoolsController, 'create']).as('schools.create')
    router.post('/schools', [SchoolsController, 'store']).as('schools.store')
    router.get('/schools/import', [SchoolImportsController, 'create']).as('school_imports.create')
    router
      .get('/schools/import/template', [SchoolImportsController, 'template'])
      .as('school_imports.template')
    router.post('/schools/import', [SchoolImportsController, 'store']).as('school_imports.store')
    router.get('/schools/:id', [SchoolsController, 'show']).as('schools.show')
    router.get('/schools/:id/edit', [SchoolsController, 'edit']).as('schools.edit')
    router.put('/schools/:id', [SchoolsController, 'update']).as('schools.update')
    router
      .get('/schools/:id/close', [SchoolsController, 'confirmClose'])
      .as('schools.confirm_close')
    router.post('/schools/:id/close', [SchoolsController, 'close']).as('schools.close')
    router
      .post('/schools/:id/operators', [SchoolOperatorsController, 'store'])
      .as('school_operators.store')
    router
      .post('/schools/:id/operators/:accountId/disable', [SchoolOperatorsController, 'disable'])
      .as('school_operators.disable')
  })
  .prefix('/manage')
  .use([middleware.auth(), middleware.terminal({ terminal: 'management' })])
