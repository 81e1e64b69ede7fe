/*
| Each terminal's menu is assembled from what modules and plugins register
| at boot. An item is shown only when its `visible` test passes for the
| signed-in user; the server still authorizes every action behind it.
*/
import type { Terminal } from './shared/principal.js'

export type NavTerminal = Terminal | 'public'

export interface NavItem {
  terminal: NavTerminal
  /** i18n key (e.g. "identity.nav.accounts") or literal text from a plugin. */
  label: string
  href: string
  /** Lower comes first. */
  order: number
  /** Short description shown on the terminal's home tiles. */
  hint?: string
  visible?: (user: any) => boolean
}

const items: NavItem[] = []

export function registerNavigation(...entries: NavItem[]) {
  for (const entry of entries) {
    if (!items.some((item) => item.terminal === entry.terminal && item.href === entry.href)) {
      items.push(entry)
    }
  }
}

export function navigationFor(terminal: NavTerminal, user: unknown): NavItem[] {
  return items
    .filter((item) => item.terminal === terminal && (!item.visible || (user && item.visible(user))))
    .sort((a, b) => a.order - b.order || a.href.localeCompare(b.href))
}
