import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/core/http'
import proxyAddr from 'proxy-addr'

/*
| Signs cookies and derives the encryption keys, so it must be secret and
| identical on every instance behind the load balancer.
*/
export const appKey = env.get('APP_KEY')

export const appUrl = env.get('APP_URL')

export const http = defineConfig({
  generateRequestId: true,
  allowMethodSpoofing: true,
  useAsyncLocalStorage: true,
  /*
  | X-Forwarded-For is written by whoever sends the request, so it is read
  | only from the proxies the deployment names (TRUSTED_PROXIES: addresses,
  | CIDRs or proxy-addr names such as "loopback", comma-separated). Empty,
  | the default, means the socket address is the client: a spoofed header
  | can then never give a fresh sign-in or code-request bucket.
  */
  trustProxy: trustedProxies(env.get('TRUSTED_PROXIES')),
  cookie: {
    domain: '',
    path: '/',
    maxAge: '2h',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
})

function trustedProxies(list: string | undefined): (address: string, distance: number) => boolean {
  const names = (list ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
  return names.length ? proxyAddr.compile(names) : () => false
}
