import router from '@adonisjs/core/services/router'

/* Routes of the afterschool module. Name every route: router.get(...).as('afterschool.index'). */
void router
