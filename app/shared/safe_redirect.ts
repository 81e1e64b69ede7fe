/*
| Where a `?next=` or `?back=` may send someone: a path on this site only.
| The value is read the way a browser will read the Location header (the
| WHATWG URL parser turns `\` into `/` and drops tabs and newlines), so
| `/\evil.example`, `//evil.example` and `/\t/evil.example` are all seen
| for what they are: another host.
*/
const ORIGIN = 'http://this-site.invalid'

export function localPath(value: unknown): string | null {
  if (typeof value !== 'string' || !value.startsWith('/')) return null
  let url: URL
  try {
    url = new URL(value, ORIGIN)
  } catch {
    return null
  }
  if (url.origin !== ORIGIN) return null
  const path = `${url.pathname}${url.search}${url.hash}`
  /* A path that still starts with two slashes would be protocol-relative once sent. */
  return path.startsWith('//') ? null : path
}
