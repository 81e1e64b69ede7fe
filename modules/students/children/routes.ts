import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

/* Children's profiles: the parent's pages (issue 17). */
const ChildrenController = () => import('./controllers/children_controller.js')

router
  .group(() => {
    router.get('/children', [ChildrenController, 'index']).as('children.index')
    router.get('/children/new', [ChildrenController, 'create']).as('children.create')
    router.post('/children', [ChildrenController, 'store']).as('children.store')
    router.get('/children/join', [ChildrenController, 'joinForm']).as('children.join_form')
    router.post('/children/join', [ChildrenController, 'join']).as('children.join')
    router.get('/children/:id', [ChildrenController, 'show']).as('children.show')
    router.get('/children/:id/edit', [ChildrenController, 'edit']).as('children.edit')
    router.post('/children/:id', [ChildrenController, 'update']).as('children.update')
    router.get('/children/:id/remove', [ChildrenController, 'remove']).as('children.remove')
    router.post('/children/:id/remove', [ChildrenController, 'destroy']).as('children.destroy')
    router.post('/children/:id/invitations', [ChildrenController, 'invite']).as('children.invite')
    router
      .post('/children/:id/id-number', [ChildrenController, 'revealId'])
      .as('children.reveal_id')
  })
  .prefix('/parent')
  .use([middleware.auth(), middleware.terminal({ terminal: 'parent' })])
