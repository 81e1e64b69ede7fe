import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const CoursesController = () => import('./controllers/courses_controller.js')
const MaterialsController = () => import('./controllers/materials_controller.js')
const CourseReviewsController = () => import('./controllers/course_reviews_controller.js')
const SpotChecksController = () => import('./controllers/spot_checks_controller.js')
const PublicCoursesController = () => import('./controllers/public_courses_controller.js')
const ParentContractsController = () => import('./controllers/parent_contracts_controller.js')
const ContractRecordsController = () => import('./controllers/contract_records_controller.js')

/* Institution terminal */
router
  .group(() => {
    router.get('/courses', [CoursesController, 'index']).as('courses.index')
    router.get('/courses/create', [CoursesController, 'create']).as('courses.create')
    router.post('/courses', [CoursesController, 'store']).as('courses.store')
    router.get('/courses/:id', [CoursesController, 'show']).as('courses.show')
    router.get('/courses/:id/edit', [CoursesController, 'edit']).as('courses.edit')
    router.post('/courses/:id', [CoursesController, 'update']).as('courses.update')
    router.post('/courses/:id/submit', [CoursesController, 'submit']).as('courses.submit')
    router.post('/courses/:id/materials', [MaterialsController, 'store']).as('materials.store')
    router.get('/materials/:id', [MaterialsController, 'download']).as('materials.download')
    router.post('/materials/:id/delete', [MaterialsController, 'destroy']).as('materials.destroy')
    router
      .get('/contracts', [ContractRecordsController, 'institutionIndex'])
      .as('institution_contracts.index')
    router
      .get('/contracts/:id', [ContractRecordsController, 'institutionShow'])
      .as('institution_contracts.show')
    router
      .get('/contracts/:id/pdf', [ContractRecordsController, 'pdf'])
      .as('institution_contracts.pdf')
  })
  .prefix('/institution')
  .use([middleware.auth(), middleware.terminal({ terminal: 'institution' })])

/* Management terminal */
router
  .group(() => {
    router.get('/courses', [CourseReviewsController, 'index']).as('course_reviews.index')
    router.get('/courses/:id', [CourseReviewsController, 'show']).as('course_reviews.show')
    router
      .post('/courses/:id/approve', [CourseReviewsController, 'approve'])
      .as('course_reviews.approve')
    router
      .post('/courses/:id/reject', [CourseReviewsController, 'reject'])
      .as('course_reviews.reject')
    router
      .post('/courses/:id/take-down', [CourseReviewsController, 'takeDown'])
      .as('course_reviews.take_down')
    router.get('/materials/:id', [MaterialsController, 'review']).as('materials.review')
    router.get('/spot-checks', [SpotChecksController, 'index']).as('spot_checks.index')
    router.get('/spot-checks/create', [SpotChecksController, 'create']).as('spot_checks.create')
    router.post('/spot-checks', [SpotChecksController, 'store']).as('spot_checks.store')
    router.get('/spot-checks/:id', [SpotChecksController, 'show']).as('spot_checks.show')
    router.post('/spot-check-items/:id', [SpotChecksController, 'review']).as('spot_checks.review')
    router
      .get('/contracts', [ContractRecordsController, 'manageIndex'])
      .as('manage_contracts.index')
    router
      .get('/contracts/:id', [ContractRecordsController, 'manageShow'])
      .as('manage_contracts.show')
    router.get('/contracts/:id/pdf', [ContractRecordsController, 'pdf']).as('manage_contracts.pdf')
  })
  .prefix('/manage')
  .use([middleware.auth(), middleware.terminal({ terminal: 'management' })])

/* Parent terminal */
router
  .group(() => {
    router
      .get('/courses/:id/contract', [ParentContractsController, 'create'])
      .as('parent_contracts.create')
    router
      .post('/courses/:id/contract/preview', [ParentContractsController, 'preview'])
      .as('parent_contracts.preview')
    router
      .post('/courses/:id/contract', [ParentContractsController, 'store'])
      .as('parent_contracts.store')
    router.get('/contracts', [ParentContractsController, 'index']).as('parent_contracts.index')
    router
      .get('/contracts/:id', [ContractRecordsController, 'parentShow'])
      .as('parent_contracts.show')
    router.get('/contracts/:id/pdf', [ContractRecordsController, 'pdf']).as('parent_contracts.pdf')
  })
  .prefix('/parent')
  .use([middleware.auth(), middleware.terminal({ terminal: 'parent' })])

/* Public website */
router.get('/courses', [PublicCoursesController, 'search']).as('public_courses.search')
router.get('/courses/:id', [PublicCoursesController, 'show']).as('public_courses.show')
