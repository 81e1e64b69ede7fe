/*
| Origins a form on the platform may lead to besides its own: a payment
| provider's cashier, where "Pay" sends the parent. Chromium applies the
| CSP form-action directive to the redirect after a form post, so modules
| register the origins they send people to.
*/
const origins = new Set<string>()

export function allowFormTarget(origin: string) {
  origins.add(new URL(origin).origin)
}

/** For the CSP: the registered origins, space-separated ("'self'" when none). */
export function formTargets(): string {
  return origins.size ? [...origins].join(' ') : `'self'`
}
