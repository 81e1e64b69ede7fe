import router from '@adonisjs/core/services/router'

/* The school register: the county's pages (issue 17). */
void router
