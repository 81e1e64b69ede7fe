/*
| Renders resources/public/icons/icon.svg to the PNG icons the web app
| manifests list. Run after changing the SVG:
|   node --import=@poppinss/ts-exec bin/make_icons.ts
*/
import { readFileSync } from 'node:fs'
import { chromium } from 'playwright'

const dir = new URL('../resources/public/icons/', import.meta.url)
const svg = readFileSync(new URL('icon.svg', dir), 'utf8')
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
})
const page = await browser.newPage()

async function render(file: string, size: number, padding: number, background: string) {
  await page.setViewportSize({ width: size, height: size })
  const inner = size - 2 * padding
  await page.setContent(
    `<html><body style="margin:0;background:${background}"><div style="padding:${padding}px;width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div></body></html>`
  )
  await page.screenshot({
    path: new URL(file, dir).pathname,
    omitBackground: background === 'transparent',
  })
}

await render('icon-192.png', 192, 0, 'transparent')
await render('icon-512.png', 512, 0, 'transparent')
/* Maskable icons keep their content inside the central 80% safe zone. */
await render('icon-maskable-512.png', 512, 52, '#0b4ea2')
await browser.close()
