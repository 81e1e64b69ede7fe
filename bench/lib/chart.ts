/*
| An SVG chart of latency distributions: one line per load, latency (log
| scale) against percentile (spaced like an HDR histogram plot, so the
| tail gets room: 50, 90, 99, 99.9, 99.99).
*/
export interface Series {
  name: string
  points: [number, number][]
}

const COLORS = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#ff7f0e',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
  '#393b79',
  '#637939',
]

const escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)

export function latencyChart(title: string, series: Series[]): string {
  const width = 900
  const height = 480
  const left = 70
  const right = 250
  const top = 40
  const bottom = 50
  const plotW = width - left - right
  const plotH = height - top - bottom
  const xOf = (p: number) => Math.log10(100 / Math.max(0.001, 100 - p))
  const xMax = xOf(99.99)
  const values = series.flatMap((s) => s.points.map(([, v]) => Math.max(1, v)))
  const yMaxLog = Math.ceil(Math.log10(Math.max(10, ...values)))
  const x = (p: number) => left + (xOf(p) / xMax) * plotW
  const y = (v: number) => top + plotH - (Math.log10(Math.max(1, v)) / yMaxLog) * plotH
  const parts: string[] = []
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`
  )
  parts.push(`<rect width="${width}" height="${height}" fill="#fff"/>`)
  parts.push(`<text x="${left}" y="24" font-size="15" font-weight="bold">${escape(title)}</text>`)
  for (const p of [0, 50, 90, 99, 99.9, 99.99]) {
    parts.push(`<line x1="${x(p)}" y1="${top}" x2="${x(p)}" y2="${top + plotH}" stroke="#ddd"/>`)
    parts.push(`<text x="${x(p)}" y="${top + plotH + 18}" text-anchor="middle">p${p}</text>`)
  }
  for (let e = 0; e <= yMaxLog; e++) {
    const v = 10 ** e
    parts.push(`<line x1="${left}" y1="${y(v)}" x2="${left + plotW}" y2="${y(v)}" stroke="#ddd"/>`)
    parts.push(`<text x="${left - 8}" y="${y(v) + 4}" text-anchor="end">${v} ms</text>`)
  }
  parts.push(
    `<text x="${left + plotW / 2}" y="${height - 10}" text-anchor="middle">percentile</text>`
  )
  parts.push(
    `<rect x="${left}" y="${top}" width="${plotW}" height="${plotH}" fill="none" stroke="#888"/>`
  )
  series.forEach((s, i) => {
    const color = COLORS[i % COLORS.length]
    const d = s.points
      .filter(([p]) => p <= 99.99)
      .map(([p, v], j) => `${j ? 'L' : 'M'}${x(p).toFixed(1)},${y(v).toFixed(1)}`)
      .join(' ')
    parts.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="2"/>`)
    parts.push(
      `<rect x="${left + plotW + 15}" y="${top + i * 20}" width="12" height="12" fill="${color}"/>`
    )
    parts.push(`<text x="${left + plotW + 32}" y="${top + i * 20 + 10}">${escape(s.name)}</text>`)
  })
  parts.push('</svg>')
  return parts.join('\n')
}
