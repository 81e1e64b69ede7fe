import { createServer, type Server } from 'node:http'

/*
| The payment provider's side of starting and closing a payment, where the
| sandbox channel expects it (PAYMENT_SANDBOX_URL, 127.0.0.1:3340 in
| tests): it answers with a cashier address and never calls back, so a
| matrix cell that opens a cashier stays inside its savepoint. While
| another process (a sandbox, a parallel run) holds the port, that one
| answers; when it lets go, this one takes the port over.
*/
export async function listenAsPaymentProvider(port = 3340): Promise<() => Promise<void>> {
  const server: Server = createServer((request, response) => {
    request.resume()
    request.on('end', () => {
      const path = request.url ?? ''
      const answer =
        path === '/v1/payments'
          ? { pay_url: `http://127.0.0.1:${port}/cashier/matrix` }
          : path === '/v1/payments/close'
            ? { status: 'closed' }
            : {}
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer))
    })
  })
  let retry: NodeJS.Timeout | undefined
  const listen = () =>
    new Promise<boolean>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        error.code === 'EADDRINUSE' ? resolve(false) : reject(error)
      )
      server.listen(port, '127.0.0.1', () => resolve(true))
    })
  if (!(await listen())) {
    retry = setInterval(() => {
      listen().then(
        (ok) => ok && clearInterval(retry),
        () => clearInterval(retry)
      )
    }, 100)
  }
  return async () => {
    clearInterval(retry)
    if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()))
  }
}
