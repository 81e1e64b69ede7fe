import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/*
| Texting, as the kernel lets identity ask for it. The messages module
| sends every text, but sits above identity (it needs accounts), so
| identity's own texts (codes, password links) go through this port, which
| messages fills at boot. Other modules call `#modules/messages` directly.
*/
export interface TextRequest {
  /** A message kind of modules/messages/templates.ts. */
  kind: string
  to: { userId: number } | { phone: string }
  params: Record<string, string | number>
  /** What the text is for (an event, an action); with the recipient it makes the text once. */
  key: string
  /** Where the person's inbox entry links to (a path on this platform). */
  link?: string
}

type TextSender = (request: TextRequest, trx?: TransactionClientContract) => Promise<void>

let sender: TextSender | null = null

export function provideTextSender(send: TextSender) {
  sender = send
}

/** Queues a text in `trx` (or its own transaction); it leaves after commit. */
export async function sendText(request: TextRequest, trx?: TransactionClientContract) {
  if (!sender) throw new Error('No text sender: the messages module did not boot')
  await sender(request, trx)
}
