import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const FilingController = () => import('./controllers/filing_controller.js')
const DocumentsController = () => import('./controllers/documents_controller.js')
const StaffController = () => import('./controllers/staff_controller.js')
const ChangeRequestsController = () => import('./controllers/change_requests_controller.js')
const RectificationsController = () => import('./controllers/rectifications_controller.js')
const PlateController = () => import('./controllers/plate_controller.js')
const ReviewsController = () => import('./controllers/reviews_controller.js')
const InstitutionsAdminController = () => import('./controllers/institutions_admin_controller.js')
const ChangeReviewsController = () => import('./controllers/change_reviews_controller.js')
const InspectionsController = () => import('./controllers/inspections_controller.js')
const ProhibitedPersonsController = () => import('./controllers/prohibited_persons_controller.js')
const ImportsController = () => import('./controllers/imports_controller.js')
const PublicController = () => import('./controllers/public_controller.js')
const SupervisingBanksController = () => import('./controllers/supervising_banks_controller.js')
const CreditCodeContestsController = () =>
  import('./controllers/credit_code_contests_controller.js')

/* Institution terminal */
router
  .group(() => {
    router.get('/filing', [FilingController, 'overview']).as('filing.overview')
    router.get('/filing/confirm', [FilingController, 'confirm']).as('filing.confirm')
    router.post('/filing/submit', [FilingController, 'submit']).as('filing.submit')
    router
      .post('/filing/academic/skip', [FilingController, 'skipAcademic'])
      .as('filing.skip_academic')
    router
      .get('/filing/contest', [CreditCodeContestsController, 'create'])
      .as('credit_code_contests.create')
    router
      .post('/filing/contest', [CreditCodeContestsController, 'store'])
      .as('credit_code_contests.store')
    router.get('/filing/:section', [FilingController, 'edit']).as('filing.edit')
    router.post('/filing/:section', [FilingController, 'update']).as('filing.update')
    router.get('/documents/:id', [DocumentsController, 'ownDocument']).as('documents.own')
    router.get('/staff', [StaffController, 'index']).as('staff.index')
    router.get('/staff/create', [StaffController, 'create']).as('staff.create')
    router.post('/staff', [StaffController, 'store']).as('staff.store')
    router.post('/staff/:id/leave', [StaffController, 'leave']).as('staff.leave')
    router.get('/changes', [ChangeRequestsController, 'index']).as('changes.index')
    router.post('/changes', [ChangeRequestsController, 'store']).as('changes.store')
    router.get('/rectifications', [RectificationsController, 'index']).as('rectifications.index')
    router
      .post('/rectifications/:id/report', [RectificationsController, 'report'])
      .as('rectifications.report')
    router.get('/plate', [PlateController, 'show']).as('plate.show')
    router.get('/plate/download/:format', [PlateController, 'download']).as('plate.download')
  })
  .prefix('/institution')
  .use([middleware.auth(), middleware.terminal({ terminal: 'institution' })])

/* Management terminal */
router
  .group(() => {
    router.get('/filings', [ReviewsController, 'index']).as('reviews.index')
    router.get('/filings/:id', [ReviewsController, 'show']).as('reviews.show')
    router.post('/filings/:id/approve', [ReviewsController, 'approve']).as('reviews.approve')
    router.post('/filings/:id/return', [ReviewsController, 'return']).as('reviews.return')
    router
      .get('/institutions', [InstitutionsAdminController, 'index'])
      .as('institutions_admin.index')
    router
      .get('/institutions/:id', [InstitutionsAdminController, 'show'])
      .as('institutions_admin.show')
    router
      .post('/institutions/:id/list', [InstitutionsAdminController, 'override'])
      .as('institutions_admin.override')
    router
      .post('/institutions/:id/list/clear', [InstitutionsAdminController, 'clearOverride'])
      .as('institutions_admin.clear_override')
    router
      .post('/institutions/:id/remove', [InstitutionsAdminController, 'remove'])
      .as('institutions_admin.remove')
    router
      .post('/institutions/:id/restore', [InstitutionsAdminController, 'restore'])
      .as('institutions_admin.restore')
    router
      .post('/institutions/:id/staff/:staffId/id-number', [
        InstitutionsAdminController,
        'revealStaffId',
      ])
      .as('institutions_admin.reveal_staff_id')
    router
      .get('/registry-documents/:id', [DocumentsController, 'reviewDocument'])
      .as('documents.review')
    router.get('/changes', [ChangeReviewsController, 'index']).as('change_reviews.index')
    router
      .post('/changes/:id/approve', [ChangeReviewsController, 'approve'])
      .as('change_reviews.approve')
    router
      .post('/changes/:id/reject', [ChangeReviewsController, 'reject'])
      .as('change_reviews.reject')
    router
      .get('/credit-code-contests', [CreditCodeContestsController, 'index'])
      .as('credit_code_contests.index')
    router
      .post('/credit-code-contests/:id/uphold', [CreditCodeContestsController, 'uphold'])
      .as('credit_code_contests.uphold')
    router
      .post('/credit-code-contests/:id/dismiss', [CreditCodeContestsController, 'dismiss'])
      .as('credit_code_contests.dismiss')
    router.get('/banks', [SupervisingBanksController, 'index']).as('supervising_banks.index')
    router.post('/banks', [SupervisingBanksController, 'store']).as('supervising_banks.store')
    router.get('/inspections', [InspectionsController, 'index']).as('inspections.index')
    router.get('/inspections/create', [InspectionsController, 'create']).as('inspections.create')
    router.post('/inspections', [InspectionsController, 'store']).as('inspections.store')
    router.get('/inspections/:id', [InspectionsController, 'show']).as('inspections.show')
    router
      .post('/inspections/:id/findings', [InspectionsController, 'record'])
      .as('inspections.record')
    router.post('/findings/:id/accept', [InspectionsController, 'accept']).as('findings.accept')
    router.post('/findings/:id/reject', [InspectionsController, 'reject']).as('findings.reject')
    router.get('/prohibited', [ProhibitedPersonsController, 'index']).as('prohibited.index')
    router.post('/prohibited', [ProhibitedPersonsController, 'store']).as('prohibited.store')
    router
      .post('/prohibited/import', [ProhibitedPersonsController, 'import'])
      .as('prohibited.import')
    router
      .post('/prohibited/:id/revoke', [ProhibitedPersonsController, 'revoke'])
      .as('prohibited.revoke')
    router.get('/imports', [ImportsController, 'index']).as('imports.index')
    router.get('/imports/template', [ImportsController, 'template']).as('imports.template')
    router.post('/imports', [ImportsController, 'store']).as('imports.store')
    router.get('/imports/:id', [ImportsController, 'show']).as('imports.show')
    router.post('/imports/:id/run', [ImportsController, 'run']).as('imports.run')
  })
  .prefix('/manage')
  .use([middleware.auth(), middleware.terminal({ terminal: 'management' })])

/* Public website */
router.get('/institutions', [PublicController, 'search']).as('public.search')
router.get('/institutions/:id', [PublicController, 'show']).as('public.show')
router
  .get('/institutions/:id/staff/:staffId/photo', [PublicController, 'staffPhoto'])
  .as('public.staff_photo')
router.get('/lists/:status', [PublicController, 'list']).as('public.list')
router.get('/notices', [PublicController, 'notices']).as('public.notices')
router.get('/verify/:id', [PublicController, 'verify']).as('public.verify')
router.get('/regions/picker', [PublicController, 'regionPicker']).as('public.region_picker')
await import('./bench_floor_routes.js')
