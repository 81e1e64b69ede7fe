/*
| The messages module's own outbox event: one text to deliver, after the
| change that queued it committed. Internal: plugins do not see it.
*/
declare module '@adonisjs/core/types' {
  interface EventsList {
    'messages:deliver': { deliveryId: number }
  }
}

export {}
