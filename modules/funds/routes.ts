import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const ParentOrdersController = () => import('./controllers/parent_orders_controller.js')
const InstitutionOrdersController = () => import('./controllers/institution_orders_controller.js')
const SupervisionController = () => import('./controllers/supervision_controller.js')
const BankPortalController = () => import('./controllers/bank_portal_controller.js')
const ApiController = () => import('./controllers/api_controller.js')

/* Parent terminal */
router
  .group(() => {
    router
      .post('/contracts/:id/orders', [ParentOrdersController, 'store'])
      .as('parent_orders.store')
    router
      .get('/contracts/:id/fund-notices', [ParentOrdersController, 'contractNotices'])
      .as('parent_fund_notices.show')
    router.get('/orders', [ParentOrdersController, 'index']).as('parent_orders.index')
    router.get('/orders/:id', [ParentOrdersController, 'show']).as('parent_orders.show')
    router.get('/orders/:id/status', [ParentOrdersController, 'status']).as('parent_orders.status')
    router.post('/orders/:id/pay', [ParentOrdersController, 'pay']).as('parent_orders.pay')
    router
      .post('/orders/:id/refunds', [ParentOrdersController, 'requestRefund'])
      .as('parent_refunds.store')
    router
      .post('/refunds/:id/withdraw', [ParentOrdersController, 'withdrawRefund'])
      .as('parent_refunds.withdraw')
    router.post('/classes/:id/pay', [ParentOrdersController, 'payClass']).as('parent_classes.pay')
    router
      .post('/classes/:id/confirm', [ParentOrdersController, 'confirmClass'])
      .as('parent_classes.confirm')
    router
      .post('/classes/:id/dispute', [ParentOrdersController, 'disputeClass'])
      .as('parent_classes.dispute')
  })
  .prefix('/parent')
  .use([middleware.auth(), middleware.terminal({ terminal: 'parent' })])

/* Institution terminal */
router
  .group(() => {
    router.get('/orders', [InstitutionOrdersController, 'index']).as('institution_orders.index')
    router.get('/orders/:id', [InstitutionOrdersController, 'show']).as('institution_orders.show')
    router
      .get('/attendance', [InstitutionOrdersController, 'attendance'])
      .as('institution_attendance.index')
    router
      .post('/attendance', [InstitutionOrdersController, 'recordAttendance'])
      .as('institution_attendance.store')
    router.get('/refunds', [InstitutionOrdersController, 'refunds']).as('institution_refunds.index')
    router
      .post('/refunds/:id/decide', [InstitutionOrdersController, 'decideRefund'])
      .as('institution_refunds.decide')
  })
  .prefix('/institution')
  .use([middleware.auth(), middleware.terminal({ terminal: 'institution' })])

/* Management terminal */
router
  .group(() => {
    router.get('/funds', [SupervisionController, 'index']).as('funds_supervision.index')
    router
      .get('/funds/institutions/:id', [SupervisionController, 'institution'])
      .as('funds_supervision.institution')
    router.get('/funds/orders/:id', [SupervisionController, 'order']).as('funds_supervision.order')
    router
      .post('/funds/institutions/:id/refund-all', [SupervisionController, 'refundAll'])
      .as('funds_supervision.refund_all')
    router
      .post('/funds/instructions/:id/:decision', [SupervisionController, 'resolveInstruction'])
      .where('decision', /^(reissue|reverse)$/)
      .as('funds_instructions.resolve')
    router.get('/funds/anomalies', [SupervisionController, 'anomalies']).as('funds_anomalies.index')
    router
      .post('/funds/anomalies/:id/close', [SupervisionController, 'closeAnomaly'])
      .as('funds_anomalies.close')
  })
  .prefix('/manage')
  .use([middleware.auth(), middleware.terminal({ terminal: 'management' })])

/* Bank terminal */
router
  .group(() => {
    router.get('/accounts', [BankPortalController, 'accounts']).as('bank_portal.accounts')
    router
      .get('/instructions', [BankPortalController, 'instructions'])
      .as('bank_portal.instructions')
    router.get('/anomalies', [BankPortalController, 'anomalies']).as('bank_portal.anomalies')
    router.get('/credentials', [BankPortalController, 'credentials']).as('bank_portal.credentials')
    router.post('/credentials', [BankPortalController, 'rotate']).as('bank_portal.rotate')
  })
  .prefix('/bank')
  .use([middleware.auth(), middleware.terminal({ terminal: 'bank' })])

/* Machine endpoints: signed, no session (CSRF is skipped under /api/). */
router.post('/api/pay/notify/:provider', [ApiController, 'notice']).as('api.pay_notice')
router.get('/api/bank/v1/instructions', [ApiController, 'instructions']).as('api.bank_instructions')
router
  .post('/api/bank/v1/instructions/:number/reject', [ApiController, 'reject'])
  .as('api.bank_reject')
router.post('/api/bank/v1/movements', [ApiController, 'movements']).as('api.bank_movements')
