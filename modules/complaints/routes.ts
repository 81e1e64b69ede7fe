import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const PublicComplaintsController = () => import('./controllers/public_complaints_controller.js')
const CaseController = () => import('./controllers/case_controller.js')
const ParentComplaintsController = () => import('./controllers/parent_complaints_controller.js')
const InstitutionComplaintsController = () =>
  import('./controllers/institution_complaints_controller.js')
const BureauComplaintsController = () => import('./controllers/bureau_complaints_controller.js')
const ReviewsController = () => import('./controllers/reviews_controller.js')

/* Website: file a real-name complaint, follow it with the tracking code. */
router.get('/complaints/new', [PublicComplaintsController, 'create']).as('complaints.create')
router.post('/complaints/code', [PublicComplaintsController, 'sendCode']).as('complaints.code')
router.post('/complaints', [PublicComplaintsController, 'store']).as('complaints.store')
router.get('/complaints/track', [PublicComplaintsController, 'track']).as('complaints.track')
router.post('/complaints/track', [PublicComplaintsController, 'open']).as('complaints.open')
router
  .get('/complaints/institutions', [PublicComplaintsController, 'institutions'])
  .as('complaints.institutions')

/* The complainant's case page and actions (a parent's own, or one opened with its tracking code). */
router.get('/complaints/cases/:number', [CaseController, 'show']).as('complaint_cases.show')
router
  .post('/complaints/cases/:number/escalate', [CaseController, 'escalate'])
  .as('complaint_cases.escalate')
router
  .post('/complaints/cases/:number/accept', [CaseController, 'accept'])
  .as('complaint_cases.accept')
router
  .post('/complaints/cases/:number/review', [CaseController, 'review'])
  .as('complaint_cases.review')
router
  .post('/complaints/cases/:number/reopen', [CaseController, 'reopen'])
  .as('complaint_cases.reopen')
router.post('/complaints/cases/:number/rate', [CaseController, 'rate']).as('complaint_cases.rate')
router
  .post('/complaints/cases/:number/withdraw', [CaseController, 'withdraw'])
  .as('complaint_cases.withdraw')
router
  .get('/complaints/attachments/:id', [CaseController, 'attachment'])
  .as('complaint_attachments.show')
router.get('/institutions/:id/reviews', [ReviewsController, 'public']).as('public_reviews.index')

/* Parent terminal */
router
  .group(() => {
    router.get('/complaints', [ParentComplaintsController, 'index']).as('parent_complaints.index')
    router
      .get('/complaints/new', [ParentComplaintsController, 'create'])
      .as('parent_complaints.create')
    router.post('/complaints', [ParentComplaintsController, 'store']).as('parent_complaints.store')
    router.get('/reviews', [ReviewsController, 'mine']).as('parent_reviews.index')
    router.post('/orders/:id/review', [ReviewsController, 'store']).as('parent_reviews.store')
  })
  .prefix('/parent')
  .use([middleware.auth(), middleware.terminal({ terminal: 'parent' })])

/* Institution terminal */
router
  .group(() => {
    router
      .get('/complaints', [InstitutionComplaintsController, 'index'])
      .as('institution_complaints.index')
    router
      .get('/complaints/:id', [InstitutionComplaintsController, 'show'])
      .as('institution_complaints.show')
    router
      .post('/complaints/:id/respond', [InstitutionComplaintsController, 'respond'])
      .as('institution_complaints.respond')
    router.get('/reviews', [ReviewsController, 'institution']).as('institution_reviews.index')
    router.post('/reviews/:id/reply', [ReviewsController, 'reply']).as('institution_reviews.reply')
  })
  .prefix('/institution')
  .use([middleware.auth(), middleware.terminal({ terminal: 'institution' })])

/* Management terminal */
router
  .group(() => {
    router.get('/complaints', [BureauComplaintsController, 'index']).as('bureau_complaints.index')
    router.get('/complaints/:id', [BureauComplaintsController, 'show']).as('bureau_complaints.show')
    router
      .post('/complaints/:id/accept', [BureauComplaintsController, 'accept'])
      .as('bureau_complaints.accept')
    router
      .post('/complaints/:id/decline', [BureauComplaintsController, 'decline'])
      .as('bureau_complaints.decline')
    router
      .post('/complaints/:id/transfer', [BureauComplaintsController, 'transfer'])
      .as('bureau_complaints.transfer')
    router
      .post('/complaints/:id/note', [BureauComplaintsController, 'note'])
      .as('bureau_complaints.note')
    router
      .post('/complaints/:id/reply', [BureauComplaintsController, 'reply'])
      .as('bureau_complaints.reply')
    router
      .post('/complaints/:id/close', [BureauComplaintsController, 'close'])
      .as('bureau_complaints.close')
    router
      .post('/complaints/:id/reveal', [BureauComplaintsController, 'reveal'])
      .as('bureau_complaints.reveal')
    router.get('/reviews', [ReviewsController, 'bureau']).as('bureau_reviews.index')
    router.post('/reviews/:id/hide', [ReviewsController, 'hide']).as('bureau_reviews.hide')
  })
  .prefix('/manage')
  .use([middleware.auth(), middleware.terminal({ terminal: 'management' })])
