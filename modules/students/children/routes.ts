import router from '@adonisjs/core/services/router'

/* Children's profiles: the parent's pages (issue 17). */
void router
