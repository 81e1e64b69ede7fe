import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

/* Routes of the credit module. Name every route: router.get(...).as('credit.index'). */
const PenaltiesController = () => import('./penalties/controllers/penalties_controller.js')
const PublicCreditController = () => import('./penalties/controllers/public_credit_controller.js')

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
