/*
| A minimal browser for the benchmark's setup steps: keeps cookies, reads
| the CSRF token from a page, signs in through the real form and uploads
| files. The loads themselves go through autocannon.
*/
export class Browser {
  readonly cookies = new Map<string, string>()

  constructor(readonly base: string) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers)
    if (this.cookies.size) headers.set('cookie', this.cookieHeader)
    const response = await fetch(new URL(path, this.base), {
      ...init,
      headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(120_000),
    })
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';')[0]!
      const eq = pair.indexOf('=')
      const name = pair.slice(0, eq).trim()
      const value = pair.slice(eq + 1).trim()
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    return response
  }

  async page(path: string): Promise<{ status: number; html: string }> {
    const response = await this.request(path)
    return { status: response.status, html: await response.text() }
  }

  /** The CSRF token of a page's forms. */
  async csrf(path: string): Promise<string> {
    const { status, html } = await this.page(path)
    const token =
      html.match(/name="_csrf"\s+value="([^"]+)"/)?.[1] ??
      html.match(/"X-CSRF-TOKEN":\s*"([^"]+)"/)?.[1]
    if (!token) throw new Error(`No CSRF token on ${path} (HTTP ${status})`)
    return token
  }

  async postForm(
    path: string,
    fields: Record<string, string>,
    csrfFrom: string
  ): Promise<Response> {
    const body = new URLSearchParams({ ...fields, _csrf: await this.csrf(csrfFrom) })
    return this.request(path, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
  }

  async postFile(
    path: string,
    field: string,
    bytes: Buffer,
    fileName: string,
    csrfFrom: string
  ): Promise<Response> {
    const form = new FormData()
    form.set('_csrf', await this.csrf(csrfFrom))
    form.set(
      field,
      new Blob([new Uint8Array(bytes)], {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
      fileName
    )
    return this.request(path, { method: 'POST', body: form })
  }

  /** Signs in through /login; fails unless the app redirects away from the form. */
  async signIn(identifier: string, password: string): Promise<void> {
    const response = await this.postForm('/login', { identifier, password }, '/login')
    const location = response.headers.get('location') ?? ''
    if (response.status !== 302 || location.includes('/login'))
      throw new Error(`Sign-in as ${identifier} failed (HTTP ${response.status} → ${location})`)
  }
}
