import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

/* Routes of the credit module. Name every route: router.get(...).as('credit.index'). */
const PenaltiesController = () => import('./penalties/controllers/penalties_controller.js')
const PublicCreditController = () => import('./penalties/controllers/public_credit_controller.js')
const InstitutionCreditController = () =>
  import('./score/controllers/institution_credit_controller.js')
const BureauObjectionsController = () =>
  import('./score/controllers/bureau_objections_controller.js')
const CreditDrawsController = () => import('./score/controllers/credit_draws_controller.js')

/* Website: an institution's credit page (grade, factors, published penalties). */
router.get('/institutions/:id/credit', [PublicCreditController, 'show']).as('public_credit.show')

/* Management terminal: penalty decisions. */
router
  .group(() => {
    router.get('/credit/penalties', [PenaltiesController, 'index']).as('credit_penalties.index')
    router
      .get('/credit/penalties/new', [PenaltiesController, 'create'])
      .as('credit_penalties.create')
    router.post('/credit/penalties', [PenaltiesController, 'store']).as('credit_penalties.store')
  })
  .prefix('/manage')
  .use([middleware.auth(), middleware.terminal({ terminal: 'management' })])

/* Institution terminal: its credit grade and objections (异议). */
router
  .group(() => {
    router.get('/credit', [InstitutionCreditController, 'show']).as('institution_credit.show')
    router
      .post('/credit/objections', [InstitutionCreditController, 'object'])
      .as('institution_credit.object')
  })
  .prefix('/institution')
  .use([middleware.auth(), middleware.terminal({ terminal: 'institution' })])

/* Management terminal: objections to credit grades. */
router
  .group(() => {
    router
      .get('/credit/objections', [BureauObjectionsController, 'index'])
      .as('credit_objections.index')
    router
      .post('/credit/objections/:id/answer', [BureauObjectionsController, 'answer'])
      .as('credit_objections.answer')
    router.get('/credit/draws/new', [CreditDrawsController, 'create']).as('credit_draws.create')
    router.post('/credit/draws', [CreditDrawsController, 'store']).as('credit_draws.store')
    router.get('/credit/draws/:id', [CreditDrawsController, 'show']).as('credit_draws.show')
  })
  .prefix('/manage')
  .use([middleware.auth(), middleware.terminal({ terminal: 'management' })])

/* Risk warnings (Art. 17): the institution's own, and the bureaus' board. */
const InstitutionRiskController = () => import('./risk/controllers/institution_risk_controller.js')
const RiskBoardController = () => import('./risk/controllers/risk_board_controller.js')

router
  .group(() => {
    router.get('/risk', [InstitutionRiskController, 'index']).as('institution_risk.index')
    router.get('/risk/:id', [InstitutionRiskController, 'show']).as('institution_risk.show')
    router
      .post('/risk/:id/answer', [InstitutionRiskController, 'answer'])
      .as('institution_risk.answer')
  })
  .prefix('/institution')
  .use([middleware.auth(), middleware.terminal({ terminal: 'institution' })])

router
  .group(() => {
    router.get('/risk', [RiskBoardController, 'index']).as('risk_board.index')
    router.get('/risk/warnings/:id', [RiskBoardController, 'show']).as('risk_board.show')
    router.post('/risk/warnings/:id/lift', [RiskBoardController, 'lift']).as('risk_board.lift')
  })
  .prefix('/manage')
  .use([middleware.auth(), middleware.terminal({ terminal: 'management' })])
