import router from '@adonisjs/core/services/router'

/* Routes of the credit module. Name every route: router.get(...).as('credit.index'). */
void router
